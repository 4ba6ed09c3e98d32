package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Finding;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.android.PermissionUsedNotNeededRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AND-PERMISSION-USED-NOT-NEEDED says the category does not need what a used permission reaches (认定方法 四.1); a
 * runtime permission that reaches no PI (android-permissions.json "pi": []) collects none, so its use is not reported,
 * as APK-PERM-NOT-NECESSARY and DYN-PERM-MANDATORY leave such permissions out.
 */
class UsedNotNeededReachTest {
    /** A category whose basic function needs no PI and justifies no permission, so only reach decides. */
    private static final String NEWS = "新闻资讯";

    /** AOSP AppOpsManager names the notification op in the singular; the others share their permission's name. */
    private static String opOf(PermissionInfo p) {
        return p.shortName().equals("POST_NOTIFICATIONS") ? "POST_NOTIFICATION" : p.shortName();
    }

    /** One function that asked for nothing; the app ops show {@code op} used during its run. */
    private static List<Finding> used(String op) {
        Run base = baseline().build();
        Map<Run, DeviceRunFacts> facts = new LinkedHashMap<>();
        facts.put(base, facts(33, List.of(new DeviceRunFacts.Op(op, "allow", START.plusSeconds(5), "NONE", false)), List.of(), inFront()));
        return findings(new PermissionUsedNotNeededRule(), NEWS, exploration(base), device(facts));
    }

    @Test
    void noRuntimePermissionThatReachesNoPiIsReported() {
        List<PermissionInfo> withoutPi = KnowledgeBase.builtIn().permissions().stream().filter(PermissionInfo::dangerous)
                .filter(p -> !p.reachesPi()).toList();
        assertThat(withoutPi).extracting(PermissionInfo::shortName).contains("POST_NOTIFICATIONS", "CALL_PHONE");
        for (PermissionInfo p : withoutPi) {
            assertThat(used(opOf(p))).as(p.name()).isEmpty();
        }
    }

    @Test
    void aPermissionThatReachesPiStillGivesTheFinding() {
        assertThat(used("READ_CONTACTS")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AND-PERMISSION-USED-NOT-NEEDED");
            assertThat(f.message().en()).contains("android.permission.READ_CONTACTS", "add-address-grant");
        });
    }
}
