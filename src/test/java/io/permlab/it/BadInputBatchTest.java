package io.permlab.it;

import com.google.gson.JsonObject;
import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch holding a real APK and every kind of broken or hostile input: each bad target gets a one-line error
 * naming its file and the reason, the good one still gets its findings, the exit code says "finished with errors",
 * and nothing is written outside the output folder.
 */
class BadInputBatchTest {
    @TempDir
    static Path dir;
    private static BatchScan scan;

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
        scan = BatchScan.run(dir, inputs, dir.resolve("out"), "--format", "json");
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(scan.exit()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void everyInputIsAccountedFor() {
        assertThat(scan.targets().keySet()).containsExactlyInAnyOrder("apidemos", "bomb", "corrupt-dex", "corrupt-manifest",
                "gone", "lying-bomb", "no-manifest", "notes", "truncated", "zipslip");
    }

    @Test
    void theGoodApkStillGetsItsFindings() {
        JsonObject good = scan.targets().get("apidemos");
        assertThat(good.getAsJsonArray("errors")).isEmpty();
        assertThat(good.getAsJsonArray("findings").size()).isGreaterThan(0);
        assertThat(good.getAsJsonObject("evidence").get("packageName").getAsString()).isEqualTo("io.appium.android.apis");
    }

    @Test
    void eachBadInputHasOneClearReason() {
        assertThat(scan.error("notes")).contains("notes.apk").contains("not a zip archive (starts with 74 68 69 73");
        assertThat(scan.error("truncated")).contains("truncated.apk").contains("truncated or corrupt zip archive");
        assertThat(scan.error("zipslip")).contains("entry '../../evil.sh' climbs out of the archive");
        assertThat(scan.error("bomb")).contains("expands").contains("zip bomb");
        assertThat(scan.error("lying-bomb")).contains("AndroidManifest.xml").contains("inflates past its declared 1000 bytes: zip bomb");
        assertThat(scan.error("no-manifest")).contains("no AndroidManifest.xml: not an APK");
        assertThat(scan.error("corrupt-manifest")).contains("corrupt binary AndroidManifest.xml");
        assertThat(scan.error("gone")).contains("gone.apk").contains("no such file");
    }

    @Test
    void aCorruptDexIsRecordedButTheManifestIsStillJudged() {
        JsonObject t = scan.targets().get("corrupt-dex");
        assertThat(scan.error("corrupt-dex")).contains("classes.dex").contains("truncated dex file");
        assertThat(t.getAsJsonObject("evidence").get("packageName").getAsString()).isEqualTo("io.appium.android.apis");
        assertThat(t.getAsJsonArray("findings").toString()).contains("APK-DEBUGGABLE");
    }

    @Test
    void theConsoleNamesEveryFailedFileOnOneLine() {
        List<String> errorLines = scan.errorLines();
        assertThat(errorLines).hasSizeGreaterThanOrEqualTo(9).allSatisfy(l -> assertThat(l).contains(".apk"));
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() {
        assertThat(scan.added()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(scan.out()));
        assertThat(scan.out().resolve(".work")).doesNotExist();
    }

}
