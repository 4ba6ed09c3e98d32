package io.permlab.report.html;

import io.permlab.model.Localized;

import java.util.List;

/**
 * The capture section for the HTML report: per run, the traffic verdict with its hosts, the CA note and the storage read.
 * The notes are in both languages; an absent CA note or client-traffic note is null.
 */
public record DeviceCaptureView(String packageName, List<RunRow> runs) {
    public record RunRow(String runId, String traffic, boolean complete, Localized summary, List<HostRow> hosts, Localized caNote,
                         String storageAccess, boolean storageInspectable, Localized storageNote, List<String> problems,
                         Localized clientTraffic) {
    }

    /** {@code code} is the host's state as in findings.json (REFUSED_BY_CLIENT…), {@code state} its words. */
    public record HostRow(String host, boolean visible, String code, Localized state, int requests, String handshake) {
    }
}
