package io.permlab.rules.dynamic;

import io.permlab.device.android.AppOp;
import io.permlab.device.android.AppOps;
import io.permlab.device.android.AppOpsParser;
import io.permlab.model.Finding;
import io.permlab.rules.android.PermissionUsedNotNeededRule;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * App ops as proof of use, joined with what the functions needed and what the category justifies. The ops come from the
 * recorded {@code appops get} output (android/appops/appops-get-api33.txt: FINE_LOCATION, COARSE_LOCATION, CAMERA,
 * RECORD_AUDIO, ...) read by the real AppOpsParser, captured at the run's end.
 */
class PermissionUsedNotNeededRuleTest {
    private static List<DeviceRunFacts.Op> recordedOps(Instant capturedAt) {
        AppOps ops = new AppOpsParser().parseGet(read("appops/appops-get-api33.txt"), PKG, capturedAt);
        List<DeviceRunFacts.Op> out = new ArrayList<>();
        for (AppOp op : ops.ops().values()) {
            out.add(new DeviceRunFacts.Op(op.name(), op.printedMode(), op.lastAccess().orElse(null), ops.usedInBackground(op.name()).name(), op.running()));
        }
        return out;
    }

    private static List<Finding> check(String category, Instant capturedAt, Run... runs) {
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        for (Run r : runs) {
            m.put(r, facts(33, recordedOps(capturedAt), List.of(), inFront()));
        }
        return findings(new PermissionUsedNotNeededRule(), category, exploration(runs), device(m));
    }

    private static List<String> reported(List<Finding> f) {
        return f.stream().map(x -> x.message().en().replaceAll("^The device's app ops record (\\S+) .*$", "$1")).toList();
    }

    @Test
    void opsOfPermissionsNoFunctionAskedForAndTheCategoryDoesNotJustifyAreReported() {
        // the function asked for location only and needs it; the app used the microphone as well (the camera a day
        // before this run, which does not count)
        Run base = baseline().ask(granted("geolocation", "LOCATION", 2)).build();
        Run denied = denied("geolocation").failed().ask(refused("geolocation", "LOCATION", 2)).build();
        List<Finding> f = check("餐饮外卖", START.plus(java.time.Duration.ofHours(3)), base, denied);
        assertThat(reported(f)).containsExactly("RECORD_AUDIO");
        assertThat(f.get(0).message().en()).contains("android.permission.RECORD_AUDIO", "add-address-grant", "food delivery");
        assertThat(f).allSatisfy(x -> assertThat(x.ruleId()).isEqualTo("AND-PERMISSION-USED-NOT-NEEDED"));
    }

    @Test
    void aPermissionRefusedWithoutHarmToEveryFunctionThatAskedIsNotNeeded() {
        // refusing location did not stop the function: its use is not needed by any function, and 餐饮外卖 does not justify it
        Run base = baseline().ask(granted("geolocation", "LOCATION", 2)).build();
        Run denied = denied("geolocation").ask(refused("geolocation", "LOCATION", 2)).build();
        assertThat(reported(check("餐饮外卖", START.plus(java.time.Duration.ofHours(3)), base, denied)))
                .contains("FINE_LOCATION", "COARSE_LOCATION");
    }

    @Test
    void aCategoryThatJustifiesThePermissionMayUseIt() {
        Run base = baseline().ask(granted("geolocation", "LOCATION", 2)).build();
        Run denied = denied("geolocation").ask(refused("geolocation", "LOCATION", 2)).build();
        assertThat(reported(check("地图导航", START.plus(java.time.Duration.ofHours(3)), base, denied)))
                .doesNotContain("FINE_LOCATION", "COARSE_LOCATION");
    }

    @Test
    void anAccessBeforeTheRunStartedIsNotThisRunsUse() {
        // captured 1 minute after the start: every recorded access (13 minutes ago and older) predates the run
        Run base = baseline().ask(granted("geolocation", "LOCATION", 2)).build();
        assertThat(check("餐饮外卖", START.plusSeconds(60), base)).isEmpty();
    }

    @Test
    void anInconclusiveRunsOpsAreNotJudged() {
        Run cut = baseline().inconclusive("the session was lost").build();
        assertThat(check("餐饮外卖", START.plus(java.time.Duration.ofHours(3)), cut)).isEmpty();
    }
}
