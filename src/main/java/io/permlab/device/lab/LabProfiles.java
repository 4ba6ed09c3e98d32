package io.permlab.device.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;

import java.io.IOException;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads device lab profiles ({@code "kind": "android-lab"}): {@code name}, {@code via} ("device-farm" or "grid"),
 * {@code url}, and the fields of an Android profile that do not name a device ({@code dialogWatchMs},
 * {@code capabilities}, {@code ceilings}, {@code proxy}); the lab chooses the device, so {@code udid}, {@code avd}
 * and {@code appium} are refused. A mistake names the file and the field.
 */
public final class LabProfiles {
    public static final String KIND = "android-lab";

    private LabProfiles() {
    }

    public static boolean isLab(Path file) {
        try {
            JsonObject o = read(file);
            return o.has("kind") && o.get("kind").isJsonPrimitive() && KIND.equals(o.get("kind").getAsString());
        } catch (InvalidLabProfileException e) {
            return false;
        }
    }

    public static LabProfile load(Path file) throws InvalidLabProfileException {
        JsonObject o = read(file);
        String name = string(file, o, "name");
        if (name == null || name.isBlank()) {
            throw new InvalidLabProfileException(file, "$.name", "is required");
        }
        String via = string(file, o, "via");
        LabProfile.Via v;
        if ("device-farm".equals(via)) {
            v = LabProfile.Via.DEVICE_FARM;
        } else if ("grid".equals(via)) {
            v = LabProfile.Via.GRID;
        } else {
            throw new InvalidLabProfileException(file, "$.via", "must be \"device-farm\" (Appium with the appium-device-farm plugin) "
                    + "or \"grid\" (a Selenium Grid whose nodes relay to Appium)" + (via == null ? "" : ", not '" + via + "'"));
        }
        URL url = url(file, string(file, o, "url"));
        for (String devicePart : new String[] {"udid", "avd", "appium"}) {
            if (o.has(devicePart)) {
                throw new InvalidLabProfileException(file, "$." + devicePart, "a lab profile names no device or server: the lab at "
                        + "\"url\" lends a free device for each exploration");
            }
        }
        JsonObject rest = o.deepCopy();
        rest.remove("via");
        rest.remove("url");
        rest.addProperty("kind", AndroidProfiles.KIND);
        AndroidProfile template;
        try {
            template = AndroidProfiles.parse(file, rest);
        } catch (AndroidProfiles.InvalidAndroidProfileException e) {
            throw new InvalidLabProfileException(e.getMessage());
        }
        return new LabProfile(name, v, url, template);
    }

    private static URL url(Path file, String value) throws InvalidLabProfileException {
        if (value == null || value.isBlank()) {
            throw new InvalidLabProfileException(file, "$.url", "is required: the lab's URL, e.g. \"http://lab-hub:4723\"");
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidLabProfileException(file, "$.url", "must be an http(s) URL, not '" + value + "'");
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new InvalidLabProfileException(file, "$.url", "not a URL: '" + value + "'");
        }
    }

    private static JsonObject read(Path file) throws InvalidLabProfileException {
        try (Reader r = Files.newBufferedReader(file)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new InvalidLabProfileException(file, "$", "must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidLabProfileException(file, "$", "malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (IOException e) {
            throw new InvalidLabProfileException(file, "$", "cannot read: " + e.getMessage());
        }
    }

    private static String string(Path file, JsonObject o, String key) throws InvalidLabProfileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidLabProfileException(file, "$." + key, "must be a string");
        }
        return e.getAsString();
    }

    /** A lab profile that cannot be used. */
    public static final class InvalidLabProfileException extends Exception {
        InvalidLabProfileException(Path file, String field, String problem) {
            super(file + ": " + field + ": " + problem);
        }

        InvalidLabProfileException(String message) {
            super(message);
        }
    }
}
