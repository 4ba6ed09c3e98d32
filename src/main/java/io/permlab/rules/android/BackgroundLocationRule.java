package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.Set;

/**
 * The app read the location while it was in the background during a run: the device's app ops say COARSE_LOCATION or
 * FINE_LOCATION was accessed with a background process state (PIPL Art. 28/29: a movement trail is sensitive PI;
 * 164号文 1.2). Only what the device printed counts: an op whose format does not say ("UNKNOWN") is not judged, nor is a
 * run that was inconclusive, nor an access older than the run (the app ops were reset before it).
 */
public final class BackgroundLocationRule extends DeviceRunRule {
    static final Set<String> LOCATION_OPS = Set.of("COARSE_LOCATION", "FINE_LOCATION");

    @Override
    public String id() {
        return "AND-LOCATION-BACKGROUND";
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        for (FunctionExploration f : x.functions()) {
            for (Run run : f.runs()) {
                if (run.inconclusive()) {
                    continue;
                }
                DeviceRunFacts facts = device.of(f.functionId(), run.id()).orElse(null);
                if (facts == null) {
                    continue;
                }
                for (DeviceRunFacts.Op op : facts.appOps()) {
                    if (!LOCATION_OPS.contains(op.name()) || !"YES".equals(op.background()) || op.lastAccess() == null
                            || run.startedAt() != null && op.lastAccess().isBefore(run.startedAt())) {
                        continue;
                    }
                    ctx.report(Violation.of(this)
                            .arg("function", f.functionName())
                            .arg("run", run.id())
                            .arg("op", op.name())
                            .arg("at", op.lastAccess().toString())
                            .key(f.functionId() + ":" + op.name())
                            .at(EvidencePointer.inRun(run.id(), "device-facts", null, run.id() + " appops " + op.name(),
                                    op.name() + ": mode=" + op.mode() + " lastAccess=" + op.lastAccess() + " background=" + op.background())));
                }
            }
        }
    }
}
