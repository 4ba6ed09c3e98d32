package io.permlab.rules.apk;

import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A permission on both uses-permission and uses-permission-sdk-23 is one request: one finding per rule, not two. */
class DeclaredTwiceTest {
    private static BuiltFacts cameraTwice() {
        return BuiltFacts.targetSdk(33).uses("CAMERA").usesSdk23("CAMERA", null);
    }

    @Test
    void notNecessaryOnce() {
        List<Finding> findings = cameraTwice().run(new PermissionNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).contains("CAMERA"));
    }

    @Test
    void unusedOnce() {
        List<Finding> findings = cameraTwice().run(new UnusedPermissionRule(), null);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).contains("CAMERA"));
    }

    @Test
    void legacyTargetCountsOnce() {
        List<Finding> findings = BuiltFacts.targetSdk(22).uses("CAMERA").usesSdk23("CAMERA", null).run(new LegacyTargetSdkRule(), null);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).contains("1 dangerous permission (CAMERA)"));
    }
}
