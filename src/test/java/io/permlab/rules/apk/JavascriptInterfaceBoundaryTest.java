package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.SecurityFlaw;
import io.permlab.model.apk.SecurityFlawKind;
import io.permlab.rules.RuleEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JELLY_BEAN_MR1 boundary on both SDK levels: a bridge call is a finding when the app can run on API 16 (minSdk)
 * or targets it (targetSdk, which keeps the old behaviour on newer devices), not when both are 17 or more. Facts are
 * built here so each level is set alone; the fixtures insecure-code (16/33) and secure-code (17/17) cover the rest.
 */
class JavascriptInterfaceBoundaryTest {
    private static final SecurityFlaw BRIDGE = new SecurityFlaw(SecurityFlawKind.JAVASCRIPT_INTERFACE, "classes.dex",
            "com.x.Web", "show(WebView)", "invoke-virtual Landroid/webkit/WebView;->addJavascriptInterface(Ljava/lang/Object;Ljava/lang/String;)V",
            "window.bridge");

    @ParameterizedTest(name = "minSdk {0}, targetSdk {1}: {2} finding(s)")
    @CsvSource(nullValues = "none", value = {"16, 33, 1", "17, 33, 0", "17, 16, 1", "17, 17, 0", "16, 16, 1", "none, 33, 1", "none, none, 1", "21, none, 0"})
    void flagsBelowApi17OnEitherLevel(Integer minSdk, Integer targetSdk, int expected) {
        ApkFacts facts = new ApkFacts("com.x", "1", "1", minSdk, targetSdk, 34, List.of(), List.of(), List.of(),
                new ApplicationFlags("com.x.App", false, false, null, null, null, null), null, List.of(), List.of(), List.of(),
                List.of(), List.of("classes.dex"), 1, List.of(), List.of(BRIDGE));
        Target target = new Target("x", "x", TargetKind.APK, Path.of("x.apk"), null, List.of());
        List<Finding> findings = new RuleEngine(KnowledgeBase.builtIn(), List.of(new JavascriptInterfaceRule()))
                .run(Evidence.of(target, facts), null).findings();
        assertThat(findings).hasSize(expected);
    }
}
