package io.permlab.rules.android;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceCapture;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says which of an app's traffic was NOT inspected: per host the proxy could not read (the app refused the lab CA,
 * pinned its certificate, or the server was unreachable), and per run in which nothing reached the proxy or no proxy
 * ran. Informational: it is not a violation by the app, but it stops the traffic rules' silence from reading as clean.
 */
public final class TrafficNotVisibleRule extends DeviceCaptureRule {
    @Override
    public String id() {
        return "AND-TRAFFIC-NOT-VISIBLE";
    }

    @Override
    void check(DeviceCapture capture, RuleContext ctx) {
        Map<String, List<String>> hostRuns = new LinkedHashMap<>();
        Map<String, DeviceCapture.Host> hosts = new LinkedHashMap<>();
        for (DeviceCapture.RunCapture run : capture.runs()) {
            if (run.traffic() == DeviceCapture.Traffic.NO_TRAFFIC || run.traffic() == DeviceCapture.Traffic.NOT_CAPTURED) {
                ctx.report(Violation.of(this)
                        .arg("hosts", run.traffic() == DeviceCapture.Traffic.NO_TRAFFIC
                                ? new Localized("（没有主机到达代理）", "(no host reached the proxy)") : new Localized("（无代理）", "(no proxy)"))
                        .arg("reason", run.trafficSummary())
                        .arg("runs", run.runId())
                        .key("run:" + run.runId())
                        .at(EvidencePointer.inRun(run.runId(), "traffic", null, run.runId(), run.trafficSummary().en())));
                continue;
            }
            for (DeviceCapture.Host h : run.notVisible()) {
                hostRuns.computeIfAbsent(h.host(), k -> new ArrayList<>()).add(run.runId());
                hosts.putIfAbsent(h.host(), h);
            }
        }
        for (Map.Entry<String, List<String>> e : hostRuns.entrySet()) {
            DeviceCapture.Host h = hosts.get(e.getKey());
            String handshake = h.handshake() == null || h.handshake().isBlank() ? "" : " — " + h.handshake();
            Localized reason = h.stateText().map(text -> text + handshake);
            Violation v = Violation.of(this)
                    .arg("hosts", h.host())
                    .arg("reason", reason)
                    .arg("runs", String.join(", ", e.getValue()))
                    .key("host:" + h.host());
            for (String runId : e.getValue()) {
                v.at(EvidencePointer.inRun(runId, "traffic", null, h.host(), h.state() + ": " + reason.en()));
            }
            ctx.report(v);
        }
    }
}
