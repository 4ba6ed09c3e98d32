package io.permlab.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.permlab.model.TargetResult;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;

/**
 * A target's whole result (evidence, findings, errors) as JSON and back, so that a resumed campaign's reports are
 * rendered from exactly what the first process found. The model is records and enums, which Gson reads back as they
 * were written; paths and instants get adapters.
 */
final class ResultCodec {
    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (p, t, c) -> new JsonPrimitive(p.toString()))
            .registerTypeHierarchyAdapter(Path.class, (JsonDeserializer<Path>) (j, t, c) -> Paths.get(j.getAsString()))
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .registerTypeAdapter(Instant.class, (JsonDeserializer<Instant>) (j, t, c) -> Instant.parse(j.getAsString()))
            .create();

    private ResultCodec() {
    }

    static String encode(TargetResult result) {
        return GSON.toJson(result);
    }

    static TargetResult decode(String json) {
        return GSON.fromJson(json, TargetResult.class);
    }
}
