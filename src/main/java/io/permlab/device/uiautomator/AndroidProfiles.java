package io.permlab.device.uiautomator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.permlab.exercise.Ceilings;

import java.io.IOException;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Android device profiles; a mistake names the file and the field. A profile that would let Appium grant
 * permissions by itself ({@code autoGrantPermissions}) is refused: it would hide every prompt PermLab is there to see.
 */
public final class AndroidProfiles {
    public static final String KIND = "android";
    private static final Set<String> KNOWN = Set.of("_about", "kind", "name", "udid", "avd", "platformVersion", "appium", "proxy",
            "dialogWatchMs", "capabilities", "ceilings");
    /** Capabilities PermLab sets itself; a profile may not override them. */
    private static final Set<String> RESERVED = Set.of("autograntpermissions", "noreset", "fullreset", "app", "apppackage",
            "appactivity", "udid", "avd", "platformname", "automationname", "autolaunch");

    private AndroidProfiles() {
    }

    /** Whether the file is a profile of kind "android" (a browser profile has no "kind"). */
    public static boolean isAndroid(Path file) {
        try {
            JsonObject o = read(file);
            return o.has("kind") && KIND.equals(o.get("kind").isJsonPrimitive() ? o.get("kind").getAsString() : null);
        } catch (InvalidAndroidProfileException e) {
            return false;
        }
    }

    /**
     * The profile in {@code file}. Its {@code "persona"} (the device's identifiers) is only checked for its type here:
     * it is read strictly by {@code capture.PersonaReader.ofAndroidProfile} and attached with {@link
     * AndroidProfile#withPersona}, as the device layer does not read persona files.
     */
    public static AndroidProfile load(Path file) throws InvalidAndroidProfileException {
        JsonObject o = read(file);
        JsonElement persona = o.remove("persona");
        if (persona != null && !persona.isJsonNull() && !persona.isJsonObject()
                && !(persona.isJsonPrimitive() && persona.getAsJsonPrimitive().isString())) {
            throw new InvalidAndroidProfileException(file, "$.persona", "must be an object of the device's identifiers "
                    + "({\"imei\": …}) or the name of a persona file beside the profile");
        }
        return parse(file, o);
    }

    /** A profile from its JSON object, read from {@code file} (named in errors); a lab profile's device part comes this way. */
    public static AndroidProfile parse(Path file, JsonObject o) throws InvalidAndroidProfileException {
        for (String key : o.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new InvalidAndroidProfileException(file, "$." + key, "unknown field (known: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
        }
        if (!KIND.equals(optString(file, o, "kind"))) {
            throw new InvalidAndroidProfileException(file, "$.kind", "must be \"android\"");
        }
        String name = optString(file, o, "name");
        if (name == null || name.isBlank()) {
            throw new InvalidAndroidProfileException(file, "$.name", "is required");
        }
        String udid = optString(file, o, "udid");
        String avd = optString(file, o, "avd");
        if (udid != null && avd != null) {
            throw new InvalidAndroidProfileException(file, "$.avd", "give either udid (an attached device) or avd (an emulator to boot), not both");
        }
        URL appium = appium(file, optString(file, o, "appium"));
        long watch = o.has("dialogWatchMs") ? positive(file, o, "dialogWatchMs", "$") : 1500;
        return new AndroidProfile(name, udid, avd, optString(file, o, "platformVersion"), appium, proxy(file, o),
                watch, capabilities(file, o), ceilings(file, o));
    }

    private static JsonObject read(Path file) throws InvalidAndroidProfileException {
        try (Reader r = Files.newBufferedReader(file)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new InvalidAndroidProfileException(file, "$", "must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidAndroidProfileException(file, "$", "malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (IOException e) {
            throw new InvalidAndroidProfileException(file, "$", "cannot read: " + e.getMessage());
        }
    }

    private static URL appium(Path file, String value) throws InvalidAndroidProfileException {
        if (value == null || value.equals("local")) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidAndroidProfileException(file, "$.appium", "must be \"local\" or an http(s) URL of an Appium server, not '" + value + "'");
            }
            return uri.toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new InvalidAndroidProfileException(file, "$.appium", "not a URL: '" + value + "'");
        }
    }

    private static AndroidProfile.Proxy proxy(Path file, JsonObject o) throws InvalidAndroidProfileException {
        if (!o.has("proxy") || o.get("proxy").isJsonNull()) {
            return null;
        }
        if (!o.get("proxy").isJsonObject()) {
            throw new InvalidAndroidProfileException(file, "$.proxy", "must be an object {host, port}");
        }
        JsonObject p = o.getAsJsonObject("proxy");
        String host = optString(file, p, "host");
        if (host == null || host.isBlank()) {
            throw new InvalidAndroidProfileException(file, "$.proxy.host", "is required");
        }
        long port = positive(file, p, "port", "$.proxy");
        if (port > 65535) {
            throw new InvalidAndroidProfileException(file, "$.proxy.port", "must be at most 65535");
        }
        return new AndroidProfile.Proxy(host, (int) port);
    }

    /** Extra Appium capabilities; those PermLab sets itself are refused, auto-granting above all. */
    private static Map<String, Object> capabilities(Path file, JsonObject o) throws InvalidAndroidProfileException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!o.has("capabilities")) {
            return out;
        }
        if (!o.get("capabilities").isJsonObject()) {
            throw new InvalidAndroidProfileException(file, "$.capabilities", "must be an object of Appium capabilities");
        }
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("capabilities").entrySet()) {
            String bare = e.getKey().replaceFirst("^appium:", "").toLowerCase(Locale.ROOT);
            String field = "$.capabilities." + e.getKey();
            if (bare.equals("autograntpermissions")) {
                throw new InvalidAndroidProfileException(file, field, "refused: auto-granting permissions would answer every "
                        + "permission dialog before PermLab sees it; PermLab answers them itself, per run");
            }
            if (RESERVED.contains(bare)) {
                throw new InvalidAndroidProfileException(file, field, "is set by PermLab itself (from the target and the profile's udid/avd)");
            }
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive()) {
                throw new InvalidAndroidProfileException(file, field, "must be a string, number or boolean");
            }
            out.put(e.getKey().contains(":") ? e.getKey() : "appium:" + e.getKey(),
                    v.getAsJsonPrimitive().isBoolean() ? v.getAsBoolean() : v.getAsJsonPrimitive().isNumber() ? v.getAsNumber() : v.getAsString());
        }
        return out;
    }

    private static Ceilings ceilings(Path file, JsonObject o) throws InvalidAndroidProfileException {
        if (!o.has("ceilings")) {
            return Ceilings.DEFAULTS;
        }
        if (!o.get("ceilings").isJsonObject()) {
            throw new InvalidAndroidProfileException(file, "$.ceilings", "must be an object");
        }
        JsonObject c = o.getAsJsonObject("ceilings");
        Ceilings d = Ceilings.DEFAULTS;
        return new Ceilings(orDefault(file, c, "stepMs", d.stepMillis()), orDefault(file, c, "runMs", d.runMillis()),
                orDefault(file, c, "explorationMs", d.explorationMillis()), orDefault(file, c, "targetMs", d.targetMillis()));
    }

    private static long orDefault(Path file, JsonObject o, String key, long otherwise) throws InvalidAndroidProfileException {
        return o.has(key) ? positive(file, o, key, "$.ceilings") : otherwise;
    }

    private static long positive(Path file, JsonObject o, String key, String path) throws InvalidAndroidProfileException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() < 1
                || e.getAsDouble() != Math.floor(e.getAsDouble())) {
            throw new InvalidAndroidProfileException(file, path + "." + key, "must be a positive whole number");
        }
        return e.getAsLong();
    }

    private static String optString(Path file, JsonObject o, String key) throws InvalidAndroidProfileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidAndroidProfileException(file, "$." + key, "must be a string");
        }
        return e.getAsString();
    }

    /** An Android device profile that cannot be used. */
    public static final class InvalidAndroidProfileException extends Exception {
        InvalidAndroidProfileException(Path file, String field, String problem) {
            super(file + ": " + field + ": " + problem);
        }
    }
}
