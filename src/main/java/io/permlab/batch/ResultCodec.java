package io.permlab.batch;

import com.google.gson.JsonArray;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Target;
import java.lang.reflect.Type;

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
            .registerTypeAdapter(Evidence.class, (JsonSerializer<Evidence>) ResultCodec::encodeEvidence)
            .registerTypeAdapter(Evidence.class, (JsonDeserializer<Evidence>) ResultCodec::decodeEvidence)
            .create();

    private ResultCodec() {
    }

    static String encode(TargetResult result) {
        return GSON.toJson(result);
    }

    static TargetResult decode(String json) {
        return GSON.fromJson(json, TargetResult.class);
    }

    /** Evidence as its target and its sections, each under the name of its type (a section is any record type). */
    private static JsonElement encodeEvidence(Evidence e, Type type, JsonSerializationContext c) {
        JsonObject o = new JsonObject();
        o.add("target", c.serialize(e.target()));
        JsonArray sections = new JsonArray();
        for (EvidenceSection s : e.sections()) {
            JsonObject section = new JsonObject();
            section.addProperty("type", s.getClass().getName());
            section.add("value", c.serialize(s));
            sections.add(section);
        }
        o.add("sections", sections);
        return o;
    }

    private static Evidence decodeEvidence(JsonElement json, Type type, JsonDeserializationContext c) {
        JsonObject o = json.getAsJsonObject();
        Evidence e = Evidence.of(c.deserialize(o.get("target"), Target.class));
        for (JsonElement el : o.getAsJsonArray("sections")) {
            JsonObject section = el.getAsJsonObject();
            String name = section.get("type").getAsString();
            Class<?> sectionType;
            try {
                sectionType = Class.forName(name, false, ResultCodec.class.getClassLoader());
            } catch (ClassNotFoundException ex) {
                throw new JsonParseException("unknown evidence section type " + name);
            }
            if (!EvidenceSection.class.isAssignableFrom(sectionType)) {
                throw new JsonParseException(name + " is not an evidence section");
            }
            e = e.with(c.deserialize(section.get("value"), sectionType));
        }
        return e;
    }
}
