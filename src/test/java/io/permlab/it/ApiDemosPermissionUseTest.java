package io.permlab.it;

import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.apk.ApkRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ApiDemos declares RECORD_AUDIO for its audio-effect demo, which constructs an android.media.audiofx.Visualizer: the
 * platform enforces RECORD_AUDIO there (developer.android.com, Visualizer), so the permission is used.
 */
class ApiDemosPermissionUseTest {
    @Test
    void visualizerUsesRecordAudio(@TempDir Path work) throws Exception {
        Path apk = ThirdPartyApks.apiDemos();
        KnowledgeBase kb = KnowledgeBase.builtIn();
        ApkFacts facts = new ApkInspector(kb, InspectionLimits.defaults()).inspect(apk, work).facts();
        Target target = new Target("apidemos", "apidemos", TargetKind.APK, apk, "food_delivery", List.of());
        List<Finding> findings = new RuleEngine(kb, ApkRules.all()).run(Evidence.of(target, facts), kb.category("food_delivery")).findings();
        assertThat(findings).filteredOn(f -> f.ruleId().equals("APK-PERM-UNUSED"))
                .noneMatch(f -> f.message().en().contains("RECORD_AUDIO"));
    }
}
