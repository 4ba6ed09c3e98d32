package io.permlab.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.cli.PermLab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One in-process {@code permlab scan INPUTS --out OUT --no-progress EXTRA...} over a folder of inputs, with what it
 * printed, the targets of its findings.json by id, and every file that appeared under {@code watched} meanwhile.
 */
record BatchScan(int exit, String console, Map<String, JsonObject> targets, Set<Path> added, Path out) {

    static BatchScan run(Path watched, Path inputs, Path out, String... extra) throws IOException {
        Set<Path> before = listAll(watched);
        List<String> args = new ArrayList<>(List.of("scan", inputs.toString(), "--out", out.toString(), "--no-progress"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
        Set<Path> added = listAll(watched).stream().filter(p -> !before.contains(p)).collect(Collectors.toSet());
        JsonArray list = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets");
        Map<String, JsonObject> targets = new HashMap<>();
        list.forEach(t -> targets.put(t.getAsJsonObject().get("id").getAsString(), t.getAsJsonObject()));
        return new BatchScan(exit, err.toString(), targets, added, out);
    }

    /** The target's first processing error as "file: message"; fails when it has none. */
    String error(String id) {
        JsonArray errors = targets.get(id).getAsJsonArray("errors");
        assertThat(errors).as("errors of " + id).isNotEmpty();
        JsonObject e = errors.get(0).getAsJsonObject();
        return e.get("file").getAsString() + ": " + e.get("message").getAsString();
    }

    List<String> errorLines() {
        return console.lines().filter(l -> l.startsWith("  error: ")).toList();
    }

    private static Set<Path> listAll(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.collect(Collectors.toSet());
        }
    }
}
