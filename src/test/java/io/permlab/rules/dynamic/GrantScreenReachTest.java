package io.permlab.rules.dynamic;

import io.permlab.device.uiautomator.PermissionIds;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Finding;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.android.RefusalGrantScreenRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AND-REFUSAL-GRANT-SCREEN judges what the refusal withheld as android-permissions.json says: a runtime permission that
 * reaches no PI ("pi": [], POST_NOTIFICATIONS, CALL_PHONE…) withholds none, so a grant-only screen after refusing it is
 * not 认定方法 四.2 (as DYN-PERM-MANDATORY leaves such permissions out).
 */
class GrantScreenReachTest {
    /** A category whose basic function needs no PI at all, so only reach decides. */
    private static final String NEWS = "新闻资讯";
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();

    /** A system dialog for {@code group}, refused, whose dumpsys diff is {@code changes} ("" when it saw none). */
    private static PermissionRequest refusedDialog(String group, String changes) {
        PermissionRequest r = refused(PermissionIds.of(group), group, 2);
        Map<String, String> options = new LinkedHashMap<>(r.options());
        options.put("permissionChanges", changes);
        return new PermissionRequest(r.permission(), r.api(), options, r.atMillis(), r.stepIndex(), r.origin(), r.frameUrl(),
                r.topFrame(), r.beforeConsent(), r.beforeFunctionStart(), r.afterRelaunch(), r.purposeVisible(), r.purposeText(),
                r.decision(), r.outcome(), r.answer(), r.accuracyMeters(), r.screenshot());
    }

    /** The function completes with everything granted; refusing the dialog leaves the app on a grant-only screen. */
    private static List<Finding> grantScreenAfter(PermissionRequest refusal) {
        Run base = baseline().ask(granted(refusal.permission(), refusal.options().get("group"), 2)).build();
        Run denied = denied(refusal.permission()).failed().ask(refusal).build();
        Map<Run, DeviceRunFacts> facts = new LinkedHashMap<>();
        facts.put(base, quiet());
        facts.put(denied, facts(33, List.of(), List.of(), inFront("需要开启权限才能继续", "去设置")));
        return findings(new RefusalGrantScreenRule(), NEWS, exploration(base, denied), device(facts));
    }

    @Test
    void noRuntimePermissionThatReachesNoPiIsReported() {
        List<PermissionInfo> withoutPi = KB.permissions().stream().filter(PermissionInfo::dangerous)
                .filter(p -> !p.reachesPi()).toList();
        // the walk must cover something: POST_NOTIFICATIONS and the PHONE group's call permissions at least
        assertThat(withoutPi).extracting(PermissionInfo::shortName).contains("POST_NOTIFICATIONS", "CALL_PHONE");
        for (PermissionInfo p : withoutPi) {
            assertThat(grantScreenAfter(refusedDialog(p.group(), p.name() + ":DENIED"))).as(p.name()).isEmpty();
        }
    }

    @Test
    void aGroupWhosePermissionsAllReachNoPiIsNotReportedWhenTheDiffIsUnknown() {
        assertThat(grantScreenAfter(refusedDialog("NOTIFICATIONS", "unknown: dumpsys package could not be read around the answer")))
                .isEmpty();
        assertThat(grantScreenAfter(refusedDialog("NOTIFICATIONS", ""))).isEmpty();
    }

    @Test
    void aPermissionThatReachesPiStillGivesTheFinding() {
        assertThat(grantScreenAfter(refusedDialog("CONTACTS", "android.permission.READ_CONTACTS:DENIED"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("AND-REFUSAL-GRANT-SCREEN");
                    assertThat(f.message().zh()).contains("需要开启权限才能继续", "新闻资讯");
                });
        // the PHONE group's number-reading permission reaches the phone number; so does the group when the diff is unknown
        assertThat(grantScreenAfter(refusedDialog("PHONE", "android.permission.READ_PHONE_NUMBERS:DENIED"))).hasSize(1);
        assertThat(grantScreenAfter(refusedDialog("PHONE", ""))).hasSize(1);
    }
}
