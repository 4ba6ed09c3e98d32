package io.permlab.device.web;

import java.util.List;

/**
 * What the browser must know about where the target lives: DNS overrides for the hosts PermLab serves itself
 * (Chromium's --host-resolver-rules), the one certificate key it may trust for them (SPKI SHA-256, base64), and the
 * http origins it serves that count as secure contexts, as an app's web view with location enabled would treat its
 * own pages (otherwise Chromium refuses location to any http page). Empty for targets on the real network.
 */
public record WebEnvironment(String hostResolverRules, String trustedSpki, List<String> secureHttpOrigins) {
    public WebEnvironment {
        secureHttpOrigins = secureHttpOrigins == null ? List.of() : List.copyOf(secureHttpOrigins);
    }

    public static WebEnvironment none() {
        return new WebEnvironment(null, null, List.of());
    }
}
