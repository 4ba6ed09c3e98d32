package io.permlab.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch holding a real APK and every kind of broken or hostile input: each bad target gets a one-line error
 * naming its file and the reason, the good one still gets its findings, the exit code says "finished with errors",
 * and nothing is written outside the output folder.
 */
class BadInputBatchTest {
    @TempDir
    static Path dir;
    private static int exit;
    private static String console;
    private static Map<String, JsonObject> targets;
    private static Set<Path> before;
    private static Set<Path> after;
    private static Path out;

    @BeforeAll
    static void scanEverything() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path real = Files.copy(ThirdPartyApks.apiDemos(), inputs.resolve("apidemos.apk"));
        BadInputs.notAZip(inputs);
        BadInputs.truncated(inputs, real);
        BadInputs.zipSlip(inputs);
        BadInputs.declaredBomb(inputs);
        BadInputs.lyingBomb(inputs);
        BadInputs.withoutManifest(inputs);
        BadInputs.corruptManifest(inputs);
        BadInputs.corruptDex(inputs, real);
        Files.createSymbolicLink(inputs.resolve("gone.apk"), inputs.resolve("deleted-long-ago.apk"));
        out = dir.resolve("out");
        before = listAll(dir);
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", inputs.toString(), "--out", out.toString(), "--no-progress", "--format", "json");
        console = err.toString();
        after = listAll(dir);
        JsonArray list = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets");
        targets = new HashMap<>();
        list.forEach(t -> targets.put(t.getAsJsonObject().get("id").getAsString(), t.getAsJsonObject()));
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(exit).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void everyInputIsAccountedFor() {
        assertThat(targets.keySet()).containsExactlyInAnyOrder("apidemos", "bomb", "corrupt-dex", "corrupt-manifest",
                "gone", "lying-bomb", "no-manifest", "notes", "truncated", "zipslip");
    }

    @Test
    void theGoodApkStillGetsItsFindings() {
        JsonObject good = targets.get("apidemos");
        assertThat(good.getAsJsonArray("errors")).isEmpty();
        assertThat(good.getAsJsonArray("findings").size()).isGreaterThan(0);
        assertThat(good.getAsJsonObject("evidence").get("packageName").getAsString()).isEqualTo("io.appium.android.apis");
    }

    @Test
    void eachBadInputHasOneClearReason() {
        assertThat(error("notes")).contains("notes.apk").contains("not a zip archive (starts with 74 68 69 73");
        assertThat(error("truncated")).contains("truncated.apk").contains("truncated or corrupt zip archive");
        assertThat(error("zipslip")).contains("entry '../../evil.sh' climbs out of the archive");
        assertThat(error("bomb")).contains("expands").contains("zip bomb");
        assertThat(error("lying-bomb")).contains("AndroidManifest.xml").contains("inflates past its declared 1000 bytes: zip bomb");
        assertThat(error("no-manifest")).contains("no AndroidManifest.xml: not an APK");
        assertThat(error("corrupt-manifest")).contains("corrupt binary AndroidManifest.xml");
        assertThat(error("gone")).contains("gone.apk").contains("no such file");
    }

    @Test
    void aCorruptDexIsRecordedButTheManifestIsStillJudged() {
        JsonObject t = targets.get("corrupt-dex");
        assertThat(error("corrupt-dex")).contains("classes.dex").contains("not a readable dex file");
        assertThat(t.getAsJsonObject("evidence").get("packageName").getAsString()).isEqualTo("io.appium.android.apis");
        assertThat(t.getAsJsonArray("findings").toString()).contains("APK-DEBUGGABLE");
    }

    @Test
    void theConsoleNamesEveryFailedFileOnOneLine() {
        List<String> errorLines = console.lines().filter(l -> l.startsWith("  error: ")).toList();
        assertThat(errorLines).hasSizeGreaterThanOrEqualTo(9).allSatisfy(l -> assertThat(l).contains(".apk"));
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() {
        Set<Path> added = after.stream().filter(p -> !before.contains(p)).collect(Collectors.toSet());
        assertThat(added).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(out));
        assertThat(out.resolve(".work")).doesNotExist();
    }

    private static String error(String id) {
        JsonArray errors = targets.get(id).getAsJsonArray("errors");
        assertThat(errors).as("errors of " + id).isNotEmpty();
        JsonObject e = errors.get(0).getAsJsonObject();
        return e.get("file").getAsString() + ": " + e.get("message").getAsString();
    }

    private static Set<Path> listAll(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.collect(Collectors.toSet());
        }
    }
}
