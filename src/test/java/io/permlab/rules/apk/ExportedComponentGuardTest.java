package io.permlab.rules.apk;

import io.permlab.model.Finding;
import io.permlab.model.apk.AppComponent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permission guards an exported component only if other apps cannot simply hold it: one the app defines itself at
 * protectionLevel normal (or without a level, which means normal) is granted to any app that asks, at install.
 */
class ExportedComponentGuardTest {
    private static final String OWN = "com.x.permission.OPEN";

    private static BuiltFacts withService(String definedLevel, String guard) {
        BuiltFacts b = BuiltFacts.targetSdk(33).component(
                new AppComponent("service", "com.x.Sync", true, true, guard, false, false, true, null, null));
        return definedLevel == null ? b : b.defines(OWN, definedLevel.equals("absent") ? null : definedLevel);
    }

    @ParameterizedTest(name = "service guarded by {1} defined at {0}: {2} finding(s)")
    @CsvSource(nullValues = "none", value = {
            "normal, com.x.permission.OPEN, 1",
            "absent, com.x.permission.OPEN, 1",        // no protectionLevel: normal
            "signature, com.x.permission.OPEN, 0",
            "dangerous, com.x.permission.OPEN, 0",     // the user is asked before another app holds it
            "none, android.permission.BIND_JOB_SERVICE, 0", // a system permission, not defined here
            "none, com.other.permission.X, 0"})        // defined by another app: not judged
    void normalLevelOwnPermissionIsNoGuard(String level, String guard, int expected) {
        List<Finding> findings = withService(level, guard).run(new ExportedComponentRule(), null);
        assertThat(findings).hasSize(expected);
        findings.forEach(f -> {
            assertThat(f.severity().id()).isEqualTo("medium");
            assertThat(f.message().en()).contains(OWN).contains("protectionLevel normal").contains("any app can hold it");
        });
    }

    @Test
    void providerWithAReadPermissionOnlyHasOpenWrites() {
        List<Finding> findings = BuiltFacts.targetSdk(33).defines(OWN, "signature").component(
                new AppComponent("provider", "com.x.Data", true, true, null, false, false, true, OWN, null)).run(new ExportedComponentRule(), null);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("high");
            assertThat(f.message().en()).contains("reads need " + OWN).contains("writes are open");
            assertThat(f.message().en()).doesNotContain("without a permission");
        });
    }

    @Test
    void providerGuardedBothWaysBySignatureIsQuiet() {
        assertThat(BuiltFacts.targetSdk(33).defines(OWN, "signature").component(
                new AppComponent("provider", "com.x.Data", true, true, OWN, false, false, true, OWN, OWN)).run(new ExportedComponentRule(), null)).isEmpty();
    }

    @Test
    void providerWritesGuardedByANormalPermissionAreOpen() {
        List<Finding> findings = BuiltFacts.targetSdk(33).defines(OWN, "normal").defines("com.x.permission.READ", "signature").component(
                new AppComponent("provider", "com.x.Data", true, true, "read: com.x.permission.READ, write: " + OWN, false, false, true,
                        "com.x.permission.READ", OWN)).run(new ExportedComponentRule(), null);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().en()).contains("writes are open").contains("protectionLevel normal"));
    }
}
