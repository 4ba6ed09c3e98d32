package io.permlab.report.baseline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings of an earlier release (its findings.json), by fingerprint. A fingerprint is the rule, the app
 * (package name, mini-program app id or target name) and what is wrong (a permission, a host, a function), never a
 * file position, so a finding whose code only moved stays UNCHANGED (FingerprintStabilityTest).
 */
public final class Baseline {
    /** A finding of the baseline, as much as a report needs to name one that is now absent. */
    public record Known(String fingerprint, String ruleId, String targetId, String severity) {
    }

    private final Path file;
    private final Map<String, Known> known;

    private Baseline(Path file, Map<String, Known> known) {
        this.file = file;
        this.known = known;
    }

    public static Baseline read(Path file) throws BaselineException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (IOException e) {
            throw new BaselineException("cannot read baseline " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (JsonParseException e) {
            throw new BaselineException("baseline " + file + " is not JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("targets") || !root.getAsJsonObject().get("targets").isJsonArray()) {
            throw new BaselineException("baseline " + file + " is not a PermLab findings.json (no \"targets\" array)");
        }
        Map<String, Known> known = new LinkedHashMap<>();
        int i = 0;
        for (JsonElement t : root.getAsJsonObject().getAsJsonArray("targets")) {
            JsonObject target = t.getAsJsonObject();
            String targetId = target.has("id") ? target.get("id").getAsString() : "target " + i;
            if (target.has("findings") && target.get("findings").isJsonArray()) {
                for (JsonElement f : target.getAsJsonArray("findings")) {
                    JsonObject o = f.getAsJsonObject();
                    if (!o.has("fingerprint") || o.get("fingerprint").isJsonNull()) {
                        throw new BaselineException("baseline " + file + ": targets[" + i + "] (" + targetId + ") has a finding without \"fingerprint\"");
                    }
                    String fp = o.get("fingerprint").getAsString();
                    known.putIfAbsent(fp, new Known(fp, text(o, "ruleId"), targetId, text(o, "severity")));
                }
            }
            i++;
        }
        return new Baseline(file, known);
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    public Path file() {
        return file;
    }

    public BaselineState stateOf(Finding f) {
        return known.containsKey(f.fingerprint()) ? BaselineState.UNCHANGED : BaselineState.NEW;
    }

    /** The baseline's findings that this run no longer has: fixed since (or their target left out). */
    public List<Known> absentFrom(RunResult run) {
        Set<String> now = run.targets().stream().flatMap(t -> t.findings().stream()).map(Finding::fingerprint).collect(Collectors.toSet());
        return known.values().stream().filter(k -> !now.contains(k.fingerprint())).toList();
    }
}
