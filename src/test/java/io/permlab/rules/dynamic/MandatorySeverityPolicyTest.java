package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-PERM-MANDATORY's severity is graded as the catalogue says (rules-dynamic.json "severity" and "severityNote",
 * printed by `permlab rules`, repeated in docs/rulebase.md and README: RulebaseDocTest): high where the permission
 * reaches sensitive PI (PIPL Art. 28), medium where none of what it reaches is, info for the conditional case. Every
 * severity the rule gives, for every permission the knowledge lists, is one its catalogue entry names.
 */
class MandatorySeverityPolicyTest {
    @Test
    void highForSensitivePiMediumOtherwiseAndTheCatalogueSaysSo() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        RuleMeta meta = kb.rule("DYN-PERM-MANDATORY").orElseThrow();
        assertThat(meta.severity()).isEqualTo(Severity.HIGH);
        assertThat(meta.severityNote()).as("the catalogue states the grading").isNotNull();
        String catalogue = (meta.severity().id() + " " + meta.severityNote().en()).toLowerCase(Locale.ROOT);
        Set<Severity> given = EnumSet.noneOf(Severity.class);
        for (String id : kb.webPermissionIds()) {
            WebPermission p = kb.webPermission(id).orElseThrow();
            if (p.pi().isEmpty()) {
                for (Finding f : refused(id, "新闻资讯")) {
                    assertThat(f.severity()).as(id + " reaches no PI").isEqualTo(Severity.INFO);
                }
                continue;
            }
            boolean sensitive = p.pi().stream().anyMatch(k -> kb.piKind(k).sensitive());
            for (String category : List.of("新闻资讯", "远程会议", "用车服务")) {
                for (Finding f : refused(id, category)) {
                    given.add(f.severity());
                    assertThat(catalogue).as(id + " in " + category).contains(f.severity().id());
                    if (f.severity() != Severity.INFO) {
                        assertThat(f.severity()).as(id).isEqualTo(sensitive ? Severity.HIGH : Severity.MEDIUM);
                    }
                }
            }
        }
        assertThat(given).containsExactlyInAnyOrder(Severity.HIGH, Severity.MEDIUM, Severity.INFO);
    }

    @Test
    void aMediumFindingSaysWhyItIsMedium() {
        Finding camera = refused("camera", "新闻资讯").get(0);
        assertThat(camera.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(camera.message().en()).contains("camera (images) is not sensitive PI (PIPL Art. 28), hence medium");
        assertThat(camera.message().zh()).contains("摄像头（图像）不属于敏感个人信息（个人信息保护法第二十八条），故为中危");
        assertThat(refused("geolocation", "新闻资讯").get(0).message().en()).doesNotContain("not sensitive");
    }

    private static List<Finding> refused(String permission, String category) {
        Run grant = baseline().request(permission, 1500, 2, "success:granted", null).build();
        Run deny = denied(permission).failed().request(permission, 1500, 2, "error:denied", null).build();
        return findings(new PermissionMandatoryRule(), exploration(grant, deny), category);
    }
}
