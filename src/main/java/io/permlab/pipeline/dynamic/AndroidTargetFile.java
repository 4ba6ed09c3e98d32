package io.permlab.pipeline.dynamic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What exercising an APK target needs from its target.json beyond what scanning needs: {@code "package"} (the
 * application id adb and Appium address) and the optional {@code "activity"} to launch (else the launcher's).
 */
record AndroidTargetFile(String packageName, String activity) {
    static AndroidTargetFile read(Path file) throws IOException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) {
                throw new IOException(file + ": must be a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + ": malformed JSON: " + e.getMessage(), e);
        }
        String pkg = string(file, o, "package");
        if (pkg == null || !pkg.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+")) {
            throw new IOException(file + ": field 'package' is required to exercise an APK on a device: the application id, "
                    + "e.g. \"io.appium.android.apis\"" + (pkg == null ? "" : " (not '" + pkg + "')"));
        }
        return new AndroidTargetFile(pkg, string(file, o, "activity"));
    }

    private static String string(Path file, JsonObject o, String key) throws IOException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IOException(file + ": field '" + key + "' must be a string");
        }
        return e.getAsString();
    }

    /** Why an Android flow may not open {@code value}: it opens "app" or an activity, never a URL. Null when it may. */
    static String openProblem(String value) {
        if (value == null || value.isBlank() || value.equals("app") || value.matches("([A-Za-z0-9_.]+/)?\\.?[A-Za-z0-9_.$]+")
                && !value.contains(":")) {
            return null;
        }
        return "an Android flow opens \"app\" (the launch activity) or an activity (\".MainActivity\"), not '" + value + "'";
    }
}
