package io.permlab.device.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.permlab.exercise.Ceilings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads devices/*.json; a mistake names the file and the field. */
public final class DeviceProfiles {
    private DeviceProfiles() {
    }

    public static DeviceProfile load(Path file) throws InvalidProfileException {
        JsonObject o;
        try (Reader r = Files.newBufferedReader(file)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) {
                throw new InvalidProfileException(file, "$", "must be a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidProfileException(file, "$", "malformed JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        } catch (IOException e) {
            throw new InvalidProfileException(file, "$", "cannot read: " + e.getMessage());
        }
        Fields f = new Fields(file, o, "$");
        Fields browser = f.object("browser");
        Fields screen = f.object("screen");
        Fields location = f.object("location");
        List<String> args = new ArrayList<>();
        JsonElement a = browser.obj.get("args");
        if (a != null && a.isJsonArray()) {
            a.getAsJsonArray().forEach(x -> args.add(x.getAsString()));
        }
        Ceilings ceilings = ceilings(f);
        long pageLoad = f.integer("pageLoadTimeoutMs");
        if (pageLoad <= 0 || pageLoad > ceilings.stepMillis()) {
            throw new InvalidProfileException(file, "$.pageLoadTimeoutMs", "must be between 1 and the step ceiling ("
                    + ceilings.stepMillis() + " ms)");
        }
        return new DeviceProfile(f.string("name"), browser.string("binary"), browser.string("driver"),
                browser.bool("headless"), args, screen.integer("width"), screen.integer("height"), screen.number("pixelRatio"),
                f.string("userAgent"), f.string("locale"), f.string("timezone"), position(location.object("precise")),
                position(location.object("approximate")), pageLoad, ceilings);
    }

    /** The optional "ceilings" object; each field left out keeps its default. */
    private static Ceilings ceilings(Fields f) throws InvalidProfileException {
        if (!f.obj.has("ceilings")) {
            return Ceilings.DEFAULTS;
        }
        Fields c = f.object("ceilings");
        Ceilings d = Ceilings.DEFAULTS;
        return new Ceilings(c.positive("stepMs", d.stepMillis()), c.positive("runMs", d.runMillis()),
                c.positive("explorationMs", d.explorationMillis()), c.positive("targetMs", d.targetMillis()));
    }

    private static DeviceProfile.Position position(Fields f) throws InvalidProfileException {
        double lat = f.number("latitude");
        double lng = f.number("longitude");
        if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            throw new InvalidProfileException(f.file, f.path, "latitude/longitude out of range");
        }
        return new DeviceProfile.Position(lat, lng, f.number("accuracy"));
    }

    /** A device profile that cannot be used. */
    public static final class InvalidProfileException extends Exception {
        InvalidProfileException(Path file, String field, String problem) {
            super(file + ": " + field + ": " + problem);
        }
    }

    private record Fields(Path file, JsonObject obj, String path) {
        private JsonElement get(String key) throws InvalidProfileException {
            JsonElement e = obj.get(key);
            if (e == null || e.isJsonNull()) {
                throw new InvalidProfileException(file, path + "." + key, "is required");
            }
            return e;
        }

        String string(String key) throws InvalidProfileException {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new InvalidProfileException(file, path + "." + key, "must be a string");
            }
            return e.getAsString();
        }

        double number(String key) throws InvalidProfileException {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw new InvalidProfileException(file, path + "." + key, "must be a number");
            }
            return e.getAsDouble();
        }

        int integer(String key) throws InvalidProfileException {
            return (int) number(key);
        }

        /** An optional positive whole number of milliseconds. */
        long positive(String key, long otherwise) throws InvalidProfileException {
            if (!obj.has(key)) {
                return otherwise;
            }
            JsonElement e = obj.get(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() < 1 || e.getAsDouble() != Math.floor(e.getAsDouble())) {
                throw new InvalidProfileException(file, path + "." + key, "must be a positive whole number of milliseconds");
            }
            return e.getAsLong();
        }

        boolean bool(String key) throws InvalidProfileException {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw new InvalidProfileException(file, path + "." + key, "must be true or false");
            }
            return e.getAsBoolean();
        }

        Fields object(String key) throws InvalidProfileException {
            JsonElement e = get(key);
            if (!e.isJsonObject()) {
                throw new InvalidProfileException(file, path + "." + key, "must be an object");
            }
            return new Fields(file, e.getAsJsonObject(), path + "." + key);
        }
    }
}
