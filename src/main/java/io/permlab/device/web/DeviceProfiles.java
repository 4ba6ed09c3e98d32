package io.permlab.device.web;

import io.permlab.exercise.Ceilings;
import io.permlab.json.Fields;
import io.permlab.json.JsonFileException;
import io.permlab.json.StrictJson;

import java.nio.file.Path;
import java.util.List;

/** Reads devices/*.json, strictly (io.permlab.json); a mistake names the file, the line and the field. */
public final class DeviceProfiles {
    private DeviceProfiles() {
    }

    public static DeviceProfile load(Path file) throws InvalidProfileException {
        try {
            return read(StrictJson.object(StrictJson.parse(file), file.toString()));
        } catch (JsonFileException e) {
            throw new InvalidProfileException(e);
        }
    }

    private static DeviceProfile read(Fields f) {
        Fields browser = f.object("browser");
        Fields screen = f.object("screen");
        Fields location = f.object("location");
        List<String> args = browser.strings("args");
        Ceilings ceilings = ceilings(f);
        long pageLoad = f.whole("pageLoadTimeoutMs");
        if (pageLoad <= 0 || pageLoad > ceilings.stepMillis()) {
            throw f.error("pageLoadTimeoutMs", "must be between 1 and the step ceiling (" + ceilings.stepMillis() + " ms)");
        }
        double pixelRatio = screen.number("pixelRatio");
        if (pixelRatio <= 0) {
            throw screen.error("pixelRatio", "must be above 0");
        }
        return new DeviceProfile(f.string("name"), browser.string("binary"), browser.string("driver"),
                browser.bool("headless"), args, screen.integer("width"), screen.integer("height"), pixelRatio,
                screenshotPixelRatio(screen, pixelRatio),
                f.string("userAgent"), f.string("locale"), f.string("timezone"), position(location.object("precise")),
                position(location.object("approximate")), pageLoad, ceilings);
    }

    /**
     * Picture pixels per CSS pixel of the evidence screenshots: 1 unless the profile says otherwise, never above the
     * screen's own ratio (a sharper picture than the phone shows would be invented detail).
     */
    private static double screenshotPixelRatio(Fields screen, double pixelRatio) {
        if (!screen.has("screenshotPixelRatio")) {
            return Math.min(1, pixelRatio);
        }
        double r = screen.number("screenshotPixelRatio");
        if (r <= 0 || r > pixelRatio) {
            throw screen.error("screenshotPixelRatio", "must be above 0 and at most the screen's pixelRatio (" + pixelRatio + ")");
        }
        return r;
    }

    /** The optional "ceilings" object; each field left out keeps its default. */
    private static Ceilings ceilings(Fields f) {
        if (!f.has("ceilings")) {
            return Ceilings.DEFAULTS;
        }
        Fields c = f.object("ceilings");
        Ceilings d = Ceilings.DEFAULTS;
        return new Ceilings(positive(c, "stepMs", d.stepMillis()), positive(c, "runMs", d.runMillis()),
                positive(c, "explorationMs", d.explorationMillis()), positive(c, "targetMs", d.targetMillis()));
    }

    /** An optional positive whole number of milliseconds. */
    private static long positive(Fields f, String key, long otherwise) {
        if (!f.has(key)) {
            return otherwise;
        }
        long v;
        try {
            v = f.whole(key);
        } catch (JsonFileException e) {
            throw f.error(key, "must be a positive whole number of milliseconds");
        }
        if (v < 1) {
            throw f.error(key, "must be a positive whole number of milliseconds");
        }
        return v;
    }

    private static DeviceProfile.Position position(Fields f) {
        double lat = f.number("latitude");
        double lng = f.number("longitude");
        if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            throw f.error("latitude/longitude out of range");
        }
        return new DeviceProfile.Position(lat, lng, f.number("accuracy"));
    }

    /** A device profile that cannot be used; the message names the file, line and field. */
    public static final class InvalidProfileException extends Exception {
        InvalidProfileException(JsonFileException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
