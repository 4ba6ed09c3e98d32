package io.permlab.it;

import com.google.gson.JsonObject;
import io.permlab.cli.ExitCode;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch of a real mini-program package and every kind of broken or hostile mini-program input: each bad target
 * gets one line naming its file and the reason, a script that does not parse costs only that file, the good package
 * still gets its findings, the exit code says "finished with errors", and nothing is written outside the output folder.
 */
class MiniProgramBadInputBatchTest {
    @TempDir
    static Path dir;
    private static BatchScan scan;

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
        scan = BatchScan.run(dir, inputs, dir.resolve("out"), "--category", "餐饮外卖", "--format", "json,html,sarif");
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(scan.exit()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void everyInputIsAccountedFor() {
        assertThat(scan.targets().keySet()).containsExactlyInAnyOrder("good", "bad-magic", "truncated-index", "out-of-range", "overlap",
                "zipslip", "absurd-size", "pc-package", "empty", "broken-appjson", "broken-script");
    }

    @Test
    void theGoodPackageStillGetsItsFindings() {
        JsonObject good = scan.targets().get("good");
        assertThat(good.getAsJsonArray("errors")).isEmpty();
        assertThat(good.get("kind").getAsString()).isEqualTo("miniprogram");
        assertThat(good.getAsJsonArray("findings").toString()).contains("MP-ADDRESS-NEEDS-DEVICE-LOCATION");
        assertThat(good.getAsJsonObject("evidence").get("appId").getAsString()).isEqualTo("wx5e1a7c3d9b2f4608");
    }

    @Test
    void eachBadPackageHasOneClearReason() {
        assertThat(scan.error("bad-magic")).contains("bad-magic.wxapkg").contains("not a wxapkg (starts with 50");
        assertThat(scan.error("truncated-index")).contains("truncated-index.wxapkg").contains("truncated index");
        assertThat(scan.error("out-of-range")).contains("entry 'app.json' points at bytes 1048576..1048588, outside the body");
        assertThat(scan.error("overlap")).contains("overlap.wxapkg").contains("overlap");
        assertThat(scan.error("zipslip")).contains("entry '/../../evil.sh' climbs out of the archive");
        assertThat(scan.error("absurd-size")).contains("declares 4294901760 bytes, over the limit");
        assertThat(scan.error("pc-package")).contains("encrypted PC package").contains("--appid");
        assertThat(scan.error("empty")).contains("empty.wxapkg").contains("0 bytes, shorter than the 14-byte header");
        assertThat(scan.error("broken-appjson")).contains("app.json").contains("malformed JSON at line 2, column ");
        for (String id : List.of("bad-magic", "truncated-index", "out-of-range", "overlap", "zipslip", "absurd-size", "pc-package",
                "empty", "broken-appjson")) {
            assertThat(scan.targets().get(id).getAsJsonArray("errors")).as(id).hasSize(1);
            assertThat(scan.targets().get(id).get("evidence") == null || scan.targets().get(id).get("evidence").isJsonNull())
                    .as("no evidence for %s", id).isTrue();
        }
    }

    @Test
    void aScriptThatDoesNotParseCostsOnlyThatFile() {
        JsonObject t = scan.targets().get("broken-script");
        assertThat(scan.error("broken-script")).contains("oops.js").contains("line 3, column 11: JavaScript syntax error");
        assertThat(t.getAsJsonObject("evidence").get("scriptsAnalysed").getAsInt()).isEqualTo(1);
        assertThat(t.getAsJsonArray("findings").toString()).contains("MP-LOC-ON-ENTRY").contains("home.js");
        assertThat(scan.console()).contains("broken-script [partly inspected]");
    }

    @Test
    void theConsoleNamesEveryFailedFileOnOneLine() {
        List<String> errorLines = scan.errorLines();
        assertThat(errorLines).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(l -> assertThat(l).containsAnyOf(".wxapkg", "app.json", ".js"));
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() {
        assertThat(scan.added()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(scan.out()));
        assertThat(scan.out().resolve(".work")).doesNotExist();
    }

}
