package io.permlab.device.web;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Selenium's own java.util.logging output (stack traces when a browser dies under a DevTools connection) off
 * the console: what went wrong reaches the run's record as a one-line cause, and the console stays readable.
 */
final class SeleniumLogging {
    /** Held so the setting is not lost: java.util.logging keeps loggers only weakly. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private SeleniumLogging() {
    }

    static void quiet() {
        SELENIUM.setLevel(Level.OFF);
    }
}
