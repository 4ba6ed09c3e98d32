package io.permlab.device.web;

import io.permlab.exercise.Ceilings;

import java.util.List;

/**
 * A browser device profile (devices/*.json): which binaries, extra arguments, the mobile screen and user agent to
 * emulate, locale and time zone, where the device "is" for precise and approximate location, timeouts, and the
 * ceilings on steps, runs, explorations and targets. {@code screenshotPixelRatio} is how many picture pixels the
 * evidence screenshots have per CSS pixel of the screen: the page is rendered at {@code pixelRatio}, as on the phone,
 * but a picture at the phone's 3× is ~3 megapixels and took 0.2–0.6 s each (README, "Device profiles").
 */
public record DeviceProfile(String name, String browserBinary, String driverBinary, boolean headless, List<String> args,
                            int width, int height, double pixelRatio, double screenshotPixelRatio, String userAgent,
                            String locale, String timezone, Position precise, Position approximate, long pageLoadTimeoutMillis, Ceilings ceilings) {
    public DeviceProfile {
        args = args == null ? List.of() : List.copyOf(args);
        ceilings = ceilings == null ? Ceilings.DEFAULTS : ceilings;
    }

    /** A position the browser reports, with its accuracy in metres. */
    public record Position(double latitude, double longitude, double accuracy) {
    }
}
