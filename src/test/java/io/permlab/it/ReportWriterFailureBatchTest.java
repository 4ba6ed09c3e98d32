package io.permlab.it;

import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A report that cannot be written is a processing error of the run: counted, logged, and in the exit code. */
class ReportWriterFailureBatchTest {
    @TempDir
    Path dir;

    @Test
    void aReportThatCannotBeWrittenIsCountedAsAProcessingError() throws IOException {
        Path out = dir.resolve("out");
        // index.html cannot be put in place: a folder of that name is in the way.
        Files.createDirectories(out.resolve("index.html/taken"));
        StringWriter err = new StringWriter();
        int exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "scan",
                ThirdPartyApks.home().resolve("apps/demo-delivery-miniprogram/miniprogram").toString(),
                "--out", out.toString(), "--no-progress", "--category", "餐饮外卖");

        assertThat(exit).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
        assertThat(err.toString()).contains("html report: ").contains(", 1 processing error(s)");
        assertThat(Files.readString(out.resolve("permlab.log"))).contains("html report: ").contains(", 1 processing error(s)");
        assertThat(out.resolve("findings.json")).isNotEmptyFile();
        assertThat(out.resolve("results.sarif")).isNotEmptyFile();
    }
}
