package io.permlab.device.web;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.dynamic.RunPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Puts a run's policy in force before the page loads: every permission the browser can decide is granted or
 * denied for all origins (Browser.setPermission), and the device reports the precise or the approximate position.
 * Headless Chromium shows no prompt, so this is how a user's answer is given.
 */
final class PolicyApplier {
    private PolicyApplier() {
    }

    /**
     * Returns the permissions the browser refused to set (unknown to this Chromium), for the run's record. Permission
     * settings belong to a browser context: {@code context} is the page's, or null for the browser's default one.
     */
    static List<String> apply(CdpClient cdp, String context, RunPolicy policy, KnowledgeBase knowledge, DeviceProfile profile) {
        List<String> unsupported = new ArrayList<>();
        for (WebPermission p : knowledge.webPermissions()) {
            if (p.chooser()) {
                continue; // device choosers have no grant: the page gets no device, as when nobody picks one
            }
            boolean refused = policy.kind() == RunPolicy.Kind.DENY && p.id().equals(policy.permission());
            Map<String, Object> setting = new HashMap<>(Map.of("permission", Map.of("name", p.descriptor()),
                    "setting", refused ? "denied" : "granted"));
            if (context != null) {
                setting.put("browserContextId", context);
            }
            try {
                if (context == null) {
                    cdp.send("Browser.setPermission", setting);
                } else {
                    cdp.sendToBrowser("Browser.setPermission", setting); // a page's session may not name another context
                }
            } catch (RuntimeException e) {
                unsupported.add(p.id());
            }
        }
        position(cdp::send, policy, profile);
        return unsupported;
    }

    /**
     * The run's device in another window the page opened (session {@code session}): its screen, user agent, position
     * and time zone, which DevTools sets per window. The permissions set above are the browser's, so hold there too.
     */
    static void applyInWindow(CdpClient cdp, String session, RunPolicy policy, DeviceProfile profile) {
        BiConsumer<String, Map<String, Object>> send = (method, params) -> cdp.sendTo(session, method, params);
        send.accept("Emulation.setDeviceMetricsOverride", Map.of("width", profile.width(), "height", profile.height(),
                "deviceScaleFactor", profile.pixelRatio(), "mobile", true));
        send.accept("Emulation.setUserAgentOverride", Map.of("userAgent", profile.userAgent()));
        send.accept("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        position(send, policy, profile);
    }

    private static void position(BiConsumer<String, Map<String, Object>> send, RunPolicy policy, DeviceProfile profile) {
        DeviceProfile.Position at = policy.kind() == RunPolicy.Kind.APPROXIMATE ? profile.approximate() : profile.precise();
        send.accept("Emulation.setGeolocationOverride", Map.of("latitude", at.latitude(), "longitude", at.longitude(),
                "accuracy", at.accuracy()));
        send.accept("Emulation.setTimezoneOverride", Map.of("timezoneId", profile.timezone()));
    }
}
