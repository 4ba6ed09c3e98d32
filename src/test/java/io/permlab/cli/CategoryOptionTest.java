package io.permlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An unknown --category is the user's mistake: exit 2 before anything runs, never a partial report with the category rules off. */
class CategoryOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void unknownCategoryIsAUsageErrorAndNothingIsWritten(@TempDir Path dir) {
        Path outDir = dir.resolve("report");
        Path apps = PermLabHome.dir().resolve("apps/demo-delivery-miniprogram");

        int code = run("scan", apps.toString(), "--category", "外卖餐饮店", "--out", outDir.toString());

        assertThat(code).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("unknown category '外卖餐饮店'", "permlab categories");
        assertThat(outDir).doesNotExist();
    }

    @Test
    void unknownCategoryStopsRunAndDemoToo(@TempDir Path dir) {
        assertThat(run("run", PermLabHome.dir().resolve("apps/demo-delivery").toString(), "-c", "no_such_category",
                "--out", dir.resolve("run").toString())).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(run("demo", "-c", "no_such_category", "--out", dir.resolve("demo").toString())).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(dir.resolve("demo")).doesNotExist();
        assertThat(err.toString()).contains("permlab run: unknown category 'no_such_category'", "permlab demo: unknown category");
    }

    @Test
    void aKnownCategoryInEitherLanguageIsAccepted(@TempDir Path dir) {
        Path apps = PermLabHome.dir().resolve("apps/demo-delivery-miniprogram-compliant");
        assertThat(run("scan", apps.toString(), "-c", "Food delivery", "--out", dir.resolve("a").toString(), "--format", "json"))
                .isEqualTo(ExitCode.CLEAN.code());
        assertThat(dir.resolve("a/findings.json")).content().contains("\"id\": \"food_delivery\"");
    }
}
