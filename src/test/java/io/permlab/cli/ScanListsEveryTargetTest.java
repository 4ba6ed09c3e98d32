package io.permlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 'permlab scan apps/' finds H5 targets too: it cannot exercise them, but it lists them as "needs permlab run"
 * instead of leaving them out, and that note is not an error of the target.
 */
class ScanListsEveryTargetTest {
    @Test
    void scanOfTheSamplesListsAllSixAndSendsTheH5OnesToRun(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        Path outDir = dir.resolve("scan");

        int code = PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "scan", PermLabHome.dir().resolve("apps").toString(), "--out", outDir.toString(), "--no-progress");

        JsonArray targets = JsonParser.parseString(Files.readString(outDir.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets");
        List<String> names = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (JsonElement e : targets) {
            JsonObject t = e.getAsJsonObject();
            names.add(t.get("name").getAsString());
            if (t.has("notInspected") && !t.get("notInspected").isJsonNull()) {
                deferred.add(t.get("kind").getAsString() + ": " + t.getAsJsonObject("notInspected").get("en").getAsString());
                assertThat(t.getAsJsonArray("errors")).isEmpty();
            }
        }
        assertThat(names).hasSize(6);
        assertThat(deferred).hasSize(2).allMatch(d -> d.startsWith("h5: ") && d.contains("permlab run"));
        // The four static samples were inspected and two of them have findings; the H5 ones are not errors.
        assertThat(code).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(err.toString()).contains("not inspected by 'scan'", "permlab run");
        assertThat(outDir.resolve("index.html")).content().contains("permlab run");
    }
}
