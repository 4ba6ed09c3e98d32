package io.permlab.device.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Targets of their own that a run's page brings into being: its workers (dedicated, shared, its service worker) and
 * the windows it opens (window.open, a link with a target). What they ask for and send never reaches the page's own
 * DevTools session, so a page that handed the phone number to a worker, or opened a window that asked for the
 * location, went unrecorded. Each is attached as it starts and held until the caller has switched on what it records
 * there, so nothing it does first is missed. Every target held is let go, whatever its type: one left waiting would
 * freeze a frame or a window.
 */
final class FollowedTargets {
    private static final Set<String> WORKERS = Set.of("worker", "shared_worker", "service_worker");
    private static final Map<String, Object> HOLD_NEW = Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true);

    private FollowedTargets() {
    }

    /**
     * Calls {@code onWorker} with each worker's session id and {@code onWindow} with each other window's, before it
     * runs. Returns whether windows are followed: the browser-wide attachment a window needs may be refused.
     */
    static boolean install(CdpClient cdp, Consumer<String> onWorker, Consumer<String> onWindow) {
        Map<String, Object> own = CdpClient.map(cdp.send("Target.getTargetInfo", Map.of()).get("targetInfo"));
        String ownPage = CdpClient.str(own.get("targetId"));
        // A browser kept warm between runs has pages of its own outside the run's context: they are not the run's windows.
        Object ownContext = own.get("browserContextId");
        cdp.on("Target.attachedToTarget", e -> {
            String session = CdpClient.str(e.get("sessionId"));
            Map<String, Object> info = CdpClient.map(e.get("targetInfo"));
            if (session == null) {
                return;
            }
            String type = CdpClient.str(info.get("type"));
            if (WORKERS.contains(type)) {
                onWorker.accept(session);
            } else if ("page".equals(type) && !String.valueOf(info.get("targetId")).equals(ownPage)
                    && (ownContext == null || ownContext.equals(info.get("browserContextId")))) {
                onWindow.accept(session);
            }
            if (Boolean.TRUE.equals(e.get("waitingForDebugger"))) {
                // Sent after the target's own commands on the same connection, so it runs with them applied.
                cdp.sendTo(session, "Runtime.runIfWaitingForDebugger", Map.of());
            }
        });
        cdp.send("Target.setAutoAttach", HOLD_NEW);
        try {
            // A window is no child of the page: only the browser's own session is told of new pages.
            Map<String, Object> pages = new HashMap<>(HOLD_NEW);
            pages.put("filter", List.of(Map.of("type", "page")));
            cdp.sendToBrowser("Target.setAutoAttach", pages);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A followed window's own workers are followed too. */
    static void followWorkersOf(CdpClient cdp, String windowSession) {
        cdp.sendTo(windowSession, "Target.setAutoAttach", HOLD_NEW);
    }
}
