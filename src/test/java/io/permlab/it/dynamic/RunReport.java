package io.permlab.it.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** findings.json of a 'permlab run', read the way a user of the report would: per target, per run. */
record RunReport(JsonObject json) {

    static RunReport read(Path findings) {
        if (!Files.isRegularFile(findings)) {
            throw new AssertionError("no report written: " + findings + " is missing");
        }
        try {
            return new RunReport(JsonParser.parseString(Files.readString(findings)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> targetIds() {
        return objects(json.getAsJsonArray("targets")).stream().map(t -> t.get("id").getAsString()).toList();
    }

    Target target(String id) {
        return objects(json.getAsJsonArray("targets")).stream().filter(t -> t.get("id").getAsString().equals(id))
                .findFirst().map(Target::new)
                .orElseThrow(() -> new AssertionError("no target '" + id + "' in the report; targets: " + targetIds()));
    }

    record Target(JsonObject json) {
        List<String> ruleIds() {
            return objects(json.getAsJsonArray("findings")).stream().map(f -> f.get("ruleId").getAsString()).toList();
        }

        /** "phase: message" of each processing error. */
        List<String> errors() {
            return objects(json.getAsJsonArray("errors")).stream()
                    .map(e -> e.get("phase").getAsString() + ": " + e.get("message").getAsString()).toList();
        }

        long millis() {
            return json.get("millis").getAsLong();
        }

        boolean hasEvidence() {
            return json.has("evidence") && json.get("evidence").isJsonObject();
        }

        /** The evidence's session description ("appium http://127.0.0.1:4723 (chromium driver)"). */
        String session() {
            if (!hasEvidence()) {
                throw new AssertionError("target " + json.get("id") + " has no evidence; errors: " + errors());
            }
            return json.getAsJsonObject("evidence").get("session").getAsString();
        }

        List<Run> runs() {
            if (!hasEvidence()) {
                return List.of();
            }
            List<Run> out = new ArrayList<>();
            for (JsonObject f : objects(json.getAsJsonObject("evidence").getAsJsonArray("functions"))) {
                objects(f.getAsJsonArray("runs")).forEach(r -> out.add(new Run(r)));
            }
            return out;
        }

        Run run(String id) {
            return runs().stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no run '" + id + "'; runs: " + runs().stream().map(Run::id).toList()));
        }
    }

    record Run(JsonObject json) {
        String id() {
            return json.get("id").getAsString();
        }

        String session() {
            return json.get("session").getAsString();
        }

        boolean passed() {
            return json.getAsJsonObject("checkpoint").get("reached").getAsBoolean();
        }

        String checkpointDetail() {
            return json.getAsJsonObject("checkpoint").get("detail").getAsString();
        }

        /** COMPLETED, FUNCTION_FAILED or INCONCLUSIVE. */
        String outcome() {
            return json.getAsJsonObject("outcome").get("kind").getAsString();
        }

        /** Why an inconclusive run proves nothing, in one line. */
        String cause() {
            return string(json.getAsJsonObject("outcome"), "cause");
        }

        /** The run this one retried, or null. */
        String retryOf() {
            return string(json, "retryOf");
        }

        List<Problem> problems() {
            return objects(json.getAsJsonArray("problems")).stream().map(p -> new Problem(p.get("kind").getAsString(),
                    p.get("message").getAsString(), string(p, "screenshot"), string(p, "pageSource"))).toList();
        }

        List<String> problemKinds() {
            return problems().stream().map(Problem::kind).toList();
        }
    }

    record Problem(String kind, String message, String screenshot, String pageSource) {
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static List<JsonObject> objects(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsJsonObject).toList();
    }
}
