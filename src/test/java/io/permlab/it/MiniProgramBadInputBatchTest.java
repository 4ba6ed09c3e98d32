package io.permlab.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import io.permlab.testsupport.WxapkgPacker;
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
 * One batch of a real mini-program package and every kind of broken or hostile mini-program input: each bad target
 * gets one line naming its file and the reason, a script that does not parse costs only that file, the good package
 * still gets its findings, the exit code says "finished with errors", and nothing is written outside the output folder.
 */
class MiniProgramBadInputBatchTest {
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
        WxapkgPacker.packFolder(ThirdPartyApks.home().resolve("apps/demo-delivery-miniprogram/miniprogram"), inputs.resolve("good.wxapkg"));
        MiniProgramBadInputs.badMagic(inputs);
        MiniProgramBadInputs.truncatedIndex(inputs);
        MiniProgramBadInputs.offsetOutOfRange(inputs);
        MiniProgramBadInputs.overlapping(inputs);
        MiniProgramBadInputs.climbingNames(inputs);
        MiniProgramBadInputs.absurdSize(inputs);
        MiniProgramBadInputs.encryptedWithoutAppId(inputs);
        MiniProgramBadInputs.empty(inputs);
        MiniProgramBadInputs.malformedAppJson(inputs);
        MiniProgramBadInputs.brokenScript(inputs);
        out = dir.resolve("out");
        before = listAll(dir);
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", inputs.toString(), "--category", "餐饮外卖", "--out", out.toString(), "--no-progress", "--format", "json,html,sarif");
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
        assertThat(targets.keySet()).containsExactlyInAnyOrder("good", "bad-magic", "truncated-index", "out-of-range", "overlap",
                "zipslip", "absurd-size", "pc-package", "empty", "broken-appjson", "broken-script");
    }

    @Test
    void theGoodPackageStillGetsItsFindings() {
        JsonObject good = targets.get("good");
        assertThat(good.getAsJsonArray("errors")).isEmpty();
        assertThat(good.get("kind").getAsString()).isEqualTo("miniprogram");
        assertThat(good.getAsJsonArray("findings").toString()).contains("MP-ADDRESS-NEEDS-DEVICE-LOCATION");
        assertThat(good.getAsJsonObject("evidence").get("appId").getAsString()).isEqualTo("wx5e1a7c3d9b2f4608");
    }

    @Test
    void eachBadPackageHasOneClearReason() {
        assertThat(error("bad-magic")).contains("bad-magic.wxapkg").contains("not a wxapkg (starts with 50");
        assertThat(error("truncated-index")).contains("truncated-index.wxapkg").contains("truncated index");
        assertThat(error("out-of-range")).contains("entry 'app.json' points at bytes 1048576..1048588, outside the body");
        assertThat(error("overlap")).contains("overlap.wxapkg").contains("overlap");
        assertThat(error("zipslip")).contains("entry '/../../evil.sh' climbs out of the archive");
        assertThat(error("absurd-size")).contains("declares 4294901760 bytes, over the limit");
        assertThat(error("pc-package")).contains("encrypted PC package").contains("--appid");
        assertThat(error("empty")).contains("empty.wxapkg").contains("0 bytes, shorter than the 14-byte header");
        assertThat(error("broken-appjson")).contains("app.json").contains("malformed JSON at line 2, column ");
        for (String id : List.of("bad-magic", "truncated-index", "out-of-range", "overlap", "zipslip", "absurd-size", "pc-package",
                "empty", "broken-appjson")) {
            assertThat(targets.get(id).getAsJsonArray("errors")).as(id).hasSize(1);
            assertThat(targets.get(id).get("evidence") == null || targets.get(id).get("evidence").isJsonNull())
                    .as("no evidence for %s", id).isTrue();
        }
    }

    @Test
    void aScriptThatDoesNotParseCostsOnlyThatFile() {
        JsonObject t = targets.get("broken-script");
        assertThat(error("broken-script")).contains("oops.js").contains("line 3, column 11: JavaScript syntax error");
        assertThat(t.getAsJsonObject("evidence").get("scriptsAnalysed").getAsInt()).isEqualTo(1);
        assertThat(t.getAsJsonArray("findings").toString()).contains("MP-LOC-ON-ENTRY").contains("home.js");
        assertThat(console).contains("broken-script [partly inspected]");
    }

    @Test
    void theConsoleNamesEveryFailedFileOnOneLine() {
        List<String> errorLines = console.lines().filter(l -> l.startsWith("  error: ")).toList();
        assertThat(errorLines).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(l -> assertThat(l).containsAnyOf(".wxapkg", "app.json", ".js"));
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
