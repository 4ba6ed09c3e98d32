package io.permlab.device.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The workers a page starts (dedicated, shared, its service worker) are DevTools targets of their own: what they send
 * never reaches the page's Network domain, so a page that hands the phone number to a worker to post went unrecorded.
 * Each is attached as it starts and held until the caller has switched on what it records there, so a worker's first
 * request (often sent as it starts) is not missed. Every target held is let go, whatever its type: one left waiting
 * would freeze a frame.
 */
final class WorkerTargets {
    private static final Set<String> WORKERS = Set.of("worker", "shared_worker", "service_worker");

    private WorkerTargets() {
    }

    /** Calls {@code onWorker} with each worker's session id, before the worker runs. */
    static void install(CdpClient cdp, Consumer<String> onWorker) {
        cdp.on("Target.attachedToTarget", e -> {
            String session = CdpClient.str(e.get("sessionId"));
            if (session == null) {
                return;
            }
            if (WORKERS.contains(CdpClient.str(CdpClient.map(e.get("targetInfo")).get("type")))) {
                onWorker.accept(session);
            }
            if (Boolean.TRUE.equals(e.get("waitingForDebugger"))) {
                // Sent after the worker's own commands on the same connection, so the browser runs it with them applied.
                cdp.sendTo(session, "Runtime.runIfWaitingForDebugger", Map.of());
            }
        });
        cdp.send("Target.setAutoAttach", Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
    }
}
