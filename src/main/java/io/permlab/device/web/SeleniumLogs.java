package io.permlab.device.web;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Selenium logs through java.util.logging. Its DevTools client warns, with a stack trace, whenever a session ends
 * while it still listens ("Exception while disabling network … Output closed"): routine at the end of a run whose
 * browser or Grid went away, and PermLab records such a run's problems itself. Only its severe messages are kept.
 * A remote session also announces "Using OpenTelemetry for tracing" at INFO; warnings about tracing are kept.
 */
final class SeleniumLogs {
    /** Held strongly: java.util.logging forgets unreferenced loggers and their levels. */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");
    private static final Logger TRACING = Logger.getLogger("org.openqa.selenium.remote.tracing");

    static {
        DEVTOOLS.setLevel(Level.SEVERE);
        TRACING.setLevel(Level.WARNING);
    }

    private SeleniumLogs() {
    }

    /** Makes sure the levels are set; called before the first session opens. */
    static void quiet() {
        // the static initializer did the work
    }
}
