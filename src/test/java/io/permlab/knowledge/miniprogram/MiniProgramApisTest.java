package io.permlab.knowledge.miniprogram;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mini-program API catalog agrees with docs/rulebase.md, WeChat mini-programs and names only PI kinds the knowledge base knows. */
class MiniProgramApisTest {
    private final MiniProgramApis apis = io.permlab.knowledge.KnowledgeBase.builtIn().miniProgramApis();

    @Test
    void everyApiOfRequiredPrivateInfosIsMarked() {
        List<String> rulebase = List.of("getLocation", "getFuzzyLocation", "onLocationChange", "startLocationUpdate",
                "startLocationUpdateBackground", "chooseAddress", "chooseLocation", "choosePoi");
        assertThat(apis.apis().stream().filter(MiniProgramApi::privateInfo).map(MiniProgramApi::name))
                .containsExactlyInAnyOrderElementsOf(rulebase);
    }

    @Test
    void scopesAndPrecisionFollowTheRulebase() {
        assertThat(apis.api("getLocation").scope()).isEqualTo("scope.userLocation");
        assertThat(apis.api("startLocationUpdate").scope()).isEqualTo("scope.userLocation");
        assertThat(apis.api("getFuzzyLocation").scope()).isEqualTo("scope.userFuzzyLocation");
        assertThat(apis.api("getFuzzyLocation").precise()).isFalse();
        assertThat(apis.api("getLocation").precise()).isTrue();
        assertThat(apis.api("chooseLocation").deviceLocation()).isFalse();
        assertThat(apis.api("chooseAddress").scope()).isNull();
        assertThat(apis.askingFor("scope.userLocation")).extracting(MiniProgramApi::name)
                .containsExactly("getLocation", "startLocationUpdate");
    }

    @Test
    void piKindsExistInTheKnowledgeBase() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        apis.apis().forEach(a -> a.pi().forEach(kb::piKind));
    }

    @Test
    void vaguePurposesAreRecognisedAndConcreteOnesAreNot() {
        assertThat(apis.vaguePhraseIn("用于为您提供更好的服务")).isEqualTo("更好的服务");
        assertThat(apis.vaguePhraseIn("To give you a Better Service")).isEqualTo("better service");
        assertThat(apis.vaguePhraseIn("用于查找离你最近的门店")).isNull();
        assertThat(apis.purposeWords("scope.userLocation")).contains("门店", "配送");
    }

    /**
     * A use that justifies a fuzzy position (the city's weather, the area, the delivery address) justifies a precise
     * one's purpose text just as well: whether the precise position is needed is another rule's question
     * (MP-LOC-PRECISE-NOT-NECESSARY), not whether the desc names a use.
     */
    @Test
    void everyLocationScopeCountsTheUsesTheFuzzyScopeCounts() {
        List<String> fuzzy = apis.purposeWords("scope.userFuzzyLocation");
        assertThat(fuzzy).contains("城市", "天气", "city", "weather");
        for (String scope : List.of("scope.userLocation", "scope.userLocationBackground")) {
            assertThat(apis.purposeWords(scope)).as(scope).containsAll(fuzzy);
        }
    }
}
