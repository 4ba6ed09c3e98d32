package io.permlab.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.testsupport.FixtureApks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor's release gate on real APKs: release 1.0 is the non-compliant Android sample; release 1.1 is built from
 * the same sources with READ_CONTACTS dropped (the findings about it fixed, and the contacts query left in the code now
 * runs without its permission: a new finding), the app made debuggable (a new finding) and the manifest's lines moved down. --baseline marks each finding; --fail-on-new judges only the new one.
 */
class BaselineGateTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int permlab(String... args) {
        return PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private Path release11() throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path src = dir.resolve("src-1.1");
        try (Stream<Path> s = Files.walk(home.resolve("apps/demo-delivery-android/android"))) {
            Path from = home.resolve("apps/demo-delivery-android/android");
            for (Path p : s.toList()) {
                Path dest = src.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        Path manifest = src.resolve("AndroidManifest.xml");
        String m = Files.readString(manifest)
                .replace("    <uses-permission android:name=\"android.permission.READ_CONTACTS\"/>\n", "")
                .replace("<application ", "<application android:debuggable=\"true\" ")
                .replace("<uses-permission android:name=\"android.permission.INTERNET\"/>", "\n\n\n<uses-permission android:name=\"android.permission.INTERNET\"/>");
        Files.writeString(manifest, m);
        Path apk = dir.resolve("delivery-1.1.apk");
        FixtureApks.assemble("delivery-1.1", src, apk);
        return apk;
    }

    @Test
    void findingsAreNewUnchangedOrAbsentAndOnlyNewOnesGate() throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path v10 = home.resolve("apps/demo-delivery-android/build/demo-delivery-android.apk");
        assertThat(permlab("scan", v10.toString(), "--category", "餐饮外卖", "--out", dir.resolve("r10").toString(), "--no-progress")).isEqualTo(4);
        Path baseline = dir.resolve("r10/findings.json");
        Path v11 = release11();

        int gate = permlab("scan", v11.toString(), "--category", "餐饮外卖", "--out", dir.resolve("r11").toString(), "--no-progress",
                "--baseline", baseline.toString(), "--fail-on-new", "high");
        JsonObject r11 = JsonParser.parseString(Files.readString(dir.resolve("r11/findings.json"))).getAsJsonObject();
        Map<String, String> states = new HashMap<>();
        for (JsonElement f : r11.getAsJsonArray("targets").get(0).getAsJsonObject().getAsJsonArray("findings")) {
            states.put(f.getAsJsonObject().get("ruleId").getAsString(), f.getAsJsonObject().get("baselineState").getAsString());
        }
        java.util.Set<String> newRules = java.util.Set.of("APK-DEBUGGABLE", "APK-API-WITHOUT-PERMISSION");
        assertThat(states).containsEntry("APK-DEBUGGABLE", "new").containsEntry("APK-API-WITHOUT-PERMISSION", "new");
        assertThat(states.entrySet()).filteredOn(e -> !newRules.contains(e.getKey())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo("unchanged"));
        var absent = r11.getAsJsonObject("baseline").getAsJsonArray("absent");
        assertThat(absent).isNotEmpty();
        assertThat(absent.toString()).contains("absent");
        // the gate judges only the new findings: exit 4 exactly when one of them reaches --fail-on-new
        io.permlab.model.Severity worstNew = newRules.stream().map(r -> io.permlab.model.Severity.fromId(severityOf(r11, r)))
                .max(Enum::compareTo).orElseThrow();
        assertThat(gate).as(err.toString() + " (worst new finding: " + worstNew + ")")
                .isEqualTo(worstNew.atLeast(io.permlab.model.Severity.HIGH) ? 4 : 0);
        assertThat(worstNew).isLessThan(io.permlab.model.Severity.CRITICAL);
        assertThat(permlab("scan", v11.toString(), "--category", "餐饮外卖", "--out", dir.resolve("r11b").toString(), "--no-progress",
                "--baseline", baseline.toString(), "--fail-on-new", worstNew.id())).isEqualTo(4);
        assertThat(permlab("scan", v11.toString(), "--category", "餐饮外卖", "--out", dir.resolve("r11c").toString(), "--no-progress",
                "--baseline", baseline.toString(), "--fail-on-new", io.permlab.model.Severity.values()[worstNew.ordinal() + 1].id())).isEqualTo(0);

        String sarif = Files.readString(dir.resolve("r11/results.sarif"));
        JsonObject run = JsonParser.parseString(sarif).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        Map<String, Integer> byState = new HashMap<>();
        run.getAsJsonArray("results").forEach(r -> byState.merge(r.getAsJsonObject().get("baselineState").getAsString(), 1, Integer::sum));
        assertThat(byState).containsEntry("new", 2).containsEntry("absent", absent.size()).containsKey("unchanged");
    }

    @Test
    void anUnreadableBaselineOrFailOnNewWithoutBaselineIsAUsageErrorBeforeAnythingRuns() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"not\": \"findings\"}");
        Path apk = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath().resolve("apps/demo-delivery-android/build/demo-delivery-android.apk");
        assertThat(permlab("scan", apk.toString(), "--out", dir.resolve("o").toString(), "--baseline", dir.resolve("bad.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.json").contains("not a PermLab findings.json");
        assertThat(dir.resolve("o")).doesNotExist();
        assertThat(permlab("scan", apk.toString(), "--out", dir.resolve("o").toString(), "--fail-on-new", "high")).isEqualTo(2);
        assertThat(err.toString()).contains("--fail-on-new needs --baseline");
    }

    private static String severityOf(JsonObject findings, String rule) {
        for (JsonElement f : findings.getAsJsonArray("targets").get(0).getAsJsonObject().getAsJsonArray("findings")) {
            if (f.getAsJsonObject().get("ruleId").getAsString().equals(rule)) {
                return f.getAsJsonObject().get("severity").getAsString();
            }
        }
        throw new AssertionError(rule + " not found");
    }
}
