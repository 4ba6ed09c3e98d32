package io.permlab.device.web;

import java.util.Map;

/**
 * A DevTools command sent through the driver's own DevTools connection (WebDriver's {@code goog/cdp/execute}), not
 * PermLab's: that connection is the one that emulates the phone (ChromeDriver's mobileEmulation), so a screenshot it
 * scales is computed against the emulated screen and leaves the page's device pixel ratio alone. The same capture
 * through PermLab's connection briefly gives the page another pixel ratio (a 'change' event it can see), checked in
 * EvidenceScreenshotTest.
 */
@FunctionalInterface
interface DriverCdp {
    Map<String, Object> send(String method, Map<String, Object> params);
}
