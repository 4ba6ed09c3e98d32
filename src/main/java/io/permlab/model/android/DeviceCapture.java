package io.permlab.model.android;

import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;

import java.util.List;

/**
 * What PermLab could and could not see of an app on a device, run by run: its traffic through the lab's recording proxy
 * (per host: decrypted, or not visible — the client refused the lab CA, went silent after the handshake (pinning), or
 * the server could not be reached — with the TLS stack's words as evidence), whether the lab CA is in the device's
 * system store, and whether the app's private storage could be read (run-as, su) or not and why. Missing evidence is
 * stated here, so that no report reads an unseen host or unread storage as clean (docs/android-traffic.md).
 */
public record DeviceCapture(String packageName, List<RunCapture> runs) implements EvidenceSection {
    public DeviceCapture {
        runs = List.copyOf(runs);
    }

    /** How much of one run's traffic the proxy read. */
    public enum Traffic {
        /** Every host the app connected to sent requests the proxy decrypted. */
        VISIBLE,
        /** Some hosts were read, others not. */
        PARTLY_VISIBLE,
        /** Connections were made, nothing could be read. */
        NOT_VISIBLE,
        /** Nothing reached the proxy: no traffic, or the app ignored the proxy setting. Not evidence of silence. */
        NO_TRAFFIC,
        /** The proxy could not be started or the device not pointed at it: no traffic was recorded at all. */
        NOT_CAPTURED;

        /** Whether every host the run talked to was read (only then may traffic rules' silence mean anything). */
        public boolean complete() {
            return this == VISIBLE;
        }
    }

    /**
     * One run: its traffic verdict and the hosts behind it, a one-line summary, the lab CA's place on the device, and
     * the storage read ({@code storageAccess} "run-as", "su", "none", or "not read" when the run ended before it).
     * {@code clientTraffic}, for a target run inside another app (a mini-program inside WeChat), says which hosts were
     * that app's own: they are left out of {@code hosts}, the verdict and the run's exchanges, so never judged as the
     * target's; null when there is no such app. The notes are PermLab's words in both report languages, with the
     * device's or TLS stack's own words quoted unchanged in each; {@code problems} are English, as every run problem.
     */
    public record RunCapture(String runId, String functionId, Traffic traffic, Localized trafficSummary, List<Host> hosts,
                             Localized caNote, String storageAccess, boolean storageInspectable, Localized storageNote,
                             int storageFilesRead, List<String> problems, Localized clientTraffic) {
        public RunCapture {
            hosts = List.copyOf(hosts);
            problems = List.copyOf(problems);
        }

        public RunCapture(String runId, String functionId, Traffic traffic, Localized trafficSummary, List<Host> hosts, Localized caNote,
                          String storageAccess, boolean storageInspectable, Localized storageNote, int storageFilesRead, List<String> problems) {
            this(runId, functionId, traffic, trafficSummary, hosts, caNote, storageAccess, storageInspectable, storageNote,
                    storageFilesRead, problems, null);
        }

        public List<Host> notVisible() {
            return hosts.stream().filter(h -> !h.visible()).toList();
        }
    }

    /**
     * One host as the proxy saw it: {@code state} VISIBLE, REFUSED_BY_CLIENT, NO_REQUEST_AFTER_HANDSHAKE or UNREACHABLE,
     * what that means ({@code stateText}, both languages), the tallies, and the last handshake failure as the TLS stack
     * worded it.
     */
    public record Host(String host, String state, Localized stateText, int requests, int refusedHandshakes, int silentConnections,
                       int unreachable, String handshake) {
        public boolean visible() {
            return "VISIBLE".equals(state);
        }
    }
}
