package io.permlab.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises repeated 'permlab run' invocations of one target: a file of lines "WALL_MS FINDINGS_JSON" in, one
 * Markdown table row out with medians: the command's wall time, the target's time, the number of runs and each run's
 * own time (first step to end of run), and each function's exploration time (its baseline's session opening to its
 * last run recorded) with how many runs it let have a session open at once.
 *
 *   java -cp ... io.permlab.bench.ExplorationFigures SESSION_LABEL TARGET_ID RUNS_FILE
 */
public final class ExplorationFigures {
    private ExplorationFigures() {
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String targetId = args[1];
        List<Double> wall = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        Map<String, List<Double>> perRun = new LinkedHashMap<>();
        Map<String, List<Double>> perFunction = new LinkedHashMap<>();
        Map<String, Integer> atOnce = new LinkedHashMap<>();
        int runCount = -1;
        int findings = -1;
        for (String line : Files.readAllLines(Paths.get(args[2]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 2);
            JsonObject t = target(Path.of(parts[1]), targetId);
            if (t.getAsJsonArray("errors").size() > 0) {
                throw new IllegalStateException(parts[1] + ": the target had processing errors: " + t.getAsJsonArray("errors"));
            }
            wall.add(Double.parseDouble(parts[0]));
            target.add(t.get("millis").getAsDouble());
            int count = 0;
            for (JsonElement f : t.getAsJsonObject("evidence").getAsJsonArray("functions")) {
                JsonObject fo = f.getAsJsonObject();
                String function = fo.get("functionId").getAsString();
                perFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(fo.get("millis").getAsDouble());
                atOnce.put(function, fo.get("runsAtOnce").getAsInt());
                for (JsonElement r : fo.getAsJsonArray("runs")) {
                    double d = r.getAsJsonObject().get("durationMillis").getAsDouble();
                    perRun.computeIfAbsent(r.getAsJsonObject().get("id").getAsString(), k -> new ArrayList<>()).add(d);
                    count++;
                }
            }
            runCount = count;
            findings = t.getAsJsonArray("findings").size();
        }
        StringBuilder runs = new StringBuilder();
        perRun.forEach((id, d) -> runs.append(runs.length() == 0 ? "" : "<br>").append(id).append(": ").append(Median.ms(Median.of(d))));
        StringBuilder functions = new StringBuilder();
        perFunction.forEach((id, d) -> functions.append(functions.length() == 0 ? "" : "<br>").append(id).append(": ")
                .append(Median.ms(Median.of(d))).append(" (").append(Median.range(d)).append("), ").append(atOnce.get(id)).append(" at once"));
        System.out.printf("| %s | %s | %d | %s | %s | %s | %s | %d |%n", label, targetId, wall.size(),
                Median.ms(Median.of(wall)) + " (" + Median.range(wall) + ")", Median.ms(Median.of(target)),
                "1 + " + (runCount - 1) + " runs:<br>" + runs, functions, findings);
    }

    private static JsonObject target(Path findings, String id) throws Exception {
        for (JsonElement t : JsonParser.parseString(Files.readString(findings)).getAsJsonObject().getAsJsonArray("targets")) {
            if (t.getAsJsonObject().get("id").getAsString().equals(id)) {
                return t.getAsJsonObject();
            }
        }
        throw new IllegalStateException("no target " + id + " in " + findings);
    }
}
