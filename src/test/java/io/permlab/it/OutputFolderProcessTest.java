package io.permlab.it;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output folder against other processes and faults, with the CLI as a real process scanning a batch of real APKs:
 * a second run on the same folder, a kill -9 in the middle of a batch, a folder the process cannot write.
 */
class OutputFolderProcessTest {
    private static final int BATCH = 30;
    private static final Duration LONG = Duration.ofMinutes(3);
    private static final Pattern TARGET_LINE = Pattern.compile("^(apk-\\d+) \\[ok]", Pattern.MULTILINE);

    @TempDir
    static Path shared;
    private static Path inputs;

    @BeforeAll
    static void batchOfApks() throws IOException {
        inputs = Files.createDirectories(shared.resolve("inputs"));
        Path first = Files.copy(ThirdPartyApks.apiDemos(), inputs.resolve("apk-01.apk"));
        for (int i = 2; i <= BATCH; i++) {
            Files.createLink(inputs.resolve(String.format("apk-%02d.apk", i)), first);
        }
    }

    private static CliProcess scanInBackground(Path dir, Path out, List<String> prefix) throws IOException {
        return CliProcess.start(dir, prefix, "scan", inputs.toString(), "--out", out.toString(), "--no-progress", "--format", "json");
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedAndTheFirstFinishesIntact(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliProcess first = scanInBackground(dir, out, List.of());
        first.awaitPrinted(p -> CliProcess.count(p, " [ok]") >= 1, LONG);

        StringWriter err = new StringWriter();
        int second = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", ThirdPartyApks.apiDemos().toString(), "--out", out.toString(), "--no-progress");

        assertThat(second).as(err.toString()).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains(out.toString()).contains("in use by another PermLab run");
        assertThat(first.process().isAlive()).as("the first run was still going when the second was refused").isTrue();
        assertThat(first.awaitExit(LONG)).as(first.printed()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(CliProcess.count(Files.readString(out.resolve("permlab.log")), " [ok]")).isEqualTo(BATCH);
        assertThat(Files.readString(out.resolve("findings.json"))).contains("\"id\": \"apk-" + BATCH + "\"");
        assertThat(out.resolve(".work")).doesNotExist();
    }

    @Test
    void aRunKilledMidBatchHasLoggedWhatItDidAndDoesNotBlockTheNext(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliProcess killed = scanInBackground(dir, out, List.of());
        killed.awaitPrinted(p -> CliProcess.count(p, " [ok]") >= 2, LONG);
        killed.kill9();

        String log = Files.readString(out.resolve("permlab.log"));
        Matcher printed = TARGET_LINE.matcher(killed.printed());
        int seen = 0;
        while (printed.find()) {
            assertThat(log).contains(printed.group(1) + " [ok]");
            seen++;
        }
        assertThat(seen).as("killed mid-batch").isBetween(2, BATCH - 1);

        StringWriter err = new StringWriter();
        int next = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", ThirdPartyApks.apiDemos().toString(), "--out", out.toString(), "--no-progress", "--format", "json");
        assertThat(next).as("the killed run's lock is gone with its process: " + err).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforeAnythingIsInspected(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes anywhere: run the CLI without the capabilities that let it ignore file modes
        List<String> prefix = Files.isWritable(out) ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--") : List.of();
        Process probe = new ProcessBuilder(concat(prefix, "touch", out.resolve("probe").toString())).start();
        assertThat(probe.waitFor()).as("the folder is really read-only for the CLI's process").isNotZero();

        CliProcess run = scanInBackground(dir, out, prefix);

        assertThat(run.awaitExit(LONG)).as(run.printed()).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(run.printed()).contains(out.toString()).contains("not writable").doesNotContain("[ok]");
        try (var s = Files.list(out)) {
            assertThat(s).isEmpty();
        }
    }

    private static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new java.util.ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }
}
