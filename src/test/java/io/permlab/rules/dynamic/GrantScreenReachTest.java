package io.permlab.rules.dynamic;

import io.permlab.device.uiautomator.PermissionIds;
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
 * AND-REFUSAL-GRANT-SCREEN after refusing a permission that reaches no PI: 认定方法 四.2 covers refusing a function
 * because the user will not "open a non-necessary permission" as well as withholding PI, and 164号文 S2/S3 speak of
 * permissions, so a news app that shows only "开启通知" after notifications are refused is reported like one that
 * asks for contacts (docs/rulebase.md). AND-PERMISSION-USED-NOT-NEEDED, about collection (四.1), does leave them out.
 */
class GrantScreenReachTest {
    /** A category whose basic function needs no PI at all. */
    private static final String NEWS = "新闻资讯";

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
    void aNewsAppThatShowsOnlyAGrantScreenAfterNotificationsAreRefusedIsReported() {
        assertThat(grantScreenAfter(refusedDialog("NOTIFICATIONS", "android.permission.POST_NOTIFICATIONS:DENIED"))).singleElement()
                .satisfies(f -> assertThat(f.message().zh()).contains("需要开启权限才能继续", "新闻资讯"));
        assertThat(grantScreenAfter(refusedDialog("NOTIFICATIONS", ""))).as("the diff unknown").hasSize(1);
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
