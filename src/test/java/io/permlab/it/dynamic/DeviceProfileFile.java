package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A custom device profile: the project's devices/local-chromium.json with a different page-load timeout or ceilings
 * and, if given, more Chromium switches.
 */
final class DeviceProfileFile {
    private DeviceProfileFile() {
    }

    static Path withPageLoadTimeout(Path dir, long millis, String... browserArgs) throws IOException {
        JsonObject profile = JsonParser.parseString(Files.readString(Project.home().resolve("devices/local-chromium.json")))
                .getAsJsonObject();
        profile.addProperty("name", "local-chromium-" + millis + "ms");
        profile.addProperty("pageLoadTimeoutMs", millis);
        for (String arg : browserArgs) {
            profile.getAsJsonObject("browser").getAsJsonArray("args").add(arg);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("short-page-load.json");
        Files.writeString(file, profile.toString());
        return file;
    }

    /** With these ceilings ({"stepMs": ..., "runMs": ...}), written as {@code name}.json. */
    static Path withCeilings(Path dir, String name, String ceilings) throws IOException {
        JsonObject profile = JsonParser.parseString(Files.readString(Project.home().resolve("devices/local-chromium.json")))
                .getAsJsonObject();
        profile.addProperty("name", name);
        profile.addProperty("pageLoadTimeoutMs", 10_000); // a busy machine can take seconds for a first page
        profile.add("ceilings", JsonParser.parseString(ceilings));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, profile.toString());
        return file;
    }
}
