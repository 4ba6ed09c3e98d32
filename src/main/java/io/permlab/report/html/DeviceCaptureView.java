package io.permlab.report.html;

import java.util.List;

/** The capture section for the HTML report: per run, the traffic verdict with its hosts, the CA note and the storage read. */
public record DeviceCaptureView(String packageName, List<RunRow> runs) {
    public record RunRow(String runId, String traffic, boolean complete, String summary, List<HostRow> hosts, String caNote,
                         String storageAccess, boolean storageInspectable, String storageNote, List<String> problems,
                         String clientTraffic) {
    }

    /** {@code code} is the host's state as in findings.json (REFUSED_BY_CLIENT…), {@code state} its English text. */
    public record HostRow(String host, boolean visible, String code, String state, int requests, String handshake) {
    }
}
