package io.permlab.rules.apk;

import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English of the APK rules around a category's name: the name's first letter must not decide the article, so the
 * text says "'online community' apps" rather than "a 'online community' app".
 */
class CategoryWordingTest {
    private static final String COMMUNITY = "网络社区";

    private static String english(List<Finding> findings) {
        assertThat(findings).isNotEmpty();
        return findings.get(0).message().en();
    }

    @Test
    void anUnneededPermissionNamesTheCategorysAppsWithoutAnArticle() {
        String en = english(BuiltFacts.targetSdk(33).uses("READ_CONTACTS").run(new PermissionNotNecessaryRule(), COMMUNITY));
        assertThat(en).contains("which the basic function of 'online community' apps does not need").doesNotContain("a 'online community'");
    }

    @Test
    void backgroundLocationNamesTheCategorysAppsWithoutAnArticle() {
        String en = english(BuiltFacts.targetSdk(33).uses("ACCESS_FINE_LOCATION").uses("ACCESS_COARSE_LOCATION")
                .uses("ACCESS_BACKGROUND_LOCATION").run(new BackgroundLocationRule(), COMMUNITY));
        assertThat(en).contains("The basic function of 'online community' apps does not need background location")
                .doesNotContain("a 'online community'");
    }
}
