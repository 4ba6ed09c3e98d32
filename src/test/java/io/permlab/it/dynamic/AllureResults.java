package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An Allure results folder as Allure's report generator reads it: *-result.json files and the attachments they name. */
record AllureResults(Path dir) {

    List<Result> results() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).map(f -> {
                try {
                    return new Result(dir, JsonParser.parseString(Files.readString(f)).getAsJsonObject());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Results keyed like InspectionSuite's TestNG tests ("target-id · function-id · policy"), from what the suite puts
     * on each: a "suite" label with the target's name, a "feature" label with the function's name, the "policy"
     * parameter; names and ids come from the targets' target.json.
     */
    Map<String, Result> byTest(List<Path> targets) {
        Map<String, String> functions = functionsByName(targets);
        Map<String, Result> out = new TreeMap<>();
        for (Result r : results()) {
            // epic = the target's name, feature = the function's name (InspectionSuite's labels)
            String function = r.labels("epic").stream()
                    .flatMap(epic -> r.labels("feature").stream().map(f -> functions.get(epic + "\n" + f)))
                    .filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> new AssertionError("an Allure result names none of the targets' functions: " + r.json()));
            String key = function + " · " + r.parameter("policy");
            if (out.put(key, r) != null) {
                throw new AssertionError("two Allure results for " + key);
            }
        }
        return out;
    }

    /** "target name\nfunction name" → "target-id · function-id". */
    private static Map<String, String> functionsByName(List<Path> targets) {
        Map<String, String> out = new HashMap<>();
        for (Path target : targets) {
            JsonObject t;
            try {
                t = JsonParser.parseString(Files.readString(target.resolve("target.json"))).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonObject f : RunReport.objects(t.getAsJsonArray("functions"))) {
                out.put(t.get("name").getAsString() + "\n" + f.get("name").getAsString(),
                        target.getFileName() + " · " + f.get("id").getAsString());
            }
        }
        return out;
    }

    record Attachment(String name, String type, Path file) {
    }

    record Result(Path dir, JsonObject json) {
        String name() {
            return json.get("name").getAsString();
        }

        String status() {
            return json.get("status").getAsString();
        }

        /** Every value of a label (allure-testng adds its own "suite" label beside the one a test sets). */
        List<String> labels(String name) {
            return RunReport.objects(json.getAsJsonArray("labels")).stream().filter(l -> l.get("name").getAsString().equals(name))
                    .map(l -> l.get("value").getAsString()).toList();
        }

        String parameter(String name) {
            return RunReport.objects(json.getAsJsonArray("parameters")).stream().filter(p -> p.get("name").getAsString().equals(name))
                    .map(p -> p.get("value").getAsString()).findFirst().orElse(null);
        }

        /** Every step, nested ones included. */
        List<JsonObject> steps() {
            List<JsonObject> out = new ArrayList<>();
            collectSteps(json, out);
            return out;
        }

        /** The test's attachments and its steps' attachments. */
        List<Attachment> attachments() {
            List<JsonObject> holders = new ArrayList<>(steps());
            holders.add(json);
            List<Attachment> out = new ArrayList<>();
            for (JsonObject h : holders) {
                for (JsonObject a : RunReport.objects(h.getAsJsonArray("attachments"))) {
                    out.add(new Attachment(a.get("name").getAsString(), a.get("type").getAsString(), dir.resolve(a.get("source").getAsString())));
                }
            }
            return out;
        }

        private static void collectSteps(JsonObject holder, List<JsonObject> out) {
            for (JsonObject s : RunReport.objects(holder.getAsJsonArray("steps"))) {
                out.add(s);
                collectSteps(s, out);
            }
        }
    }
}
