package io.permlab.pipeline.site;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a sample's {@code target.json} the server needs (entry and serve entries), read directly so that
 * these tests also prove the file says what the sample needs, whatever the product's own loader does with it.
 */
record SampleTarget(Path folder, String entry, List<ServeSpec> serve) {
    static final Path APPS = Path.of(System.getProperty("permlab.home", ".")).resolve("apps");

    static SampleTarget load(String name) throws IOException {
        Path folder = APPS.resolve(name);
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(folder.resolve("target.json"))) {
            json = JsonParser.parseReader(reader).getAsJsonObject();
        }
        List<ServeSpec> serve = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("serve")) {
            JsonObject entry = e.getAsJsonObject();
            boolean https = entry.has("https") && entry.get("https").getAsBoolean();
            serve.add(new ServeSpec(entry.get("host").getAsString(), folder.resolve(entry.get("dir").getAsString()), https));
        }
        return new SampleTarget(folder, json.get("entry").getAsString(), serve);
    }
}
