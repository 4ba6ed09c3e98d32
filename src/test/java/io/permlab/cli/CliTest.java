package io.permlab.cli;

import io.permlab.it.ThirdPartyApks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: help that teaches, usage errors, exit codes, --fail-on, output files. */
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpTeachesByExample() {
        assertThat(run("--help")).isZero();
        // picocli wraps the description at the terminal width: phrases are read across line breaks
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("permlab scan path/to/app.apk --category 餐饮外卖", "permlab scan app.wxapkg",
                "permlab run apps/demo-delivery", "PI sent before consent", "the privacy policy is declined",
                "a privacy sheet shown again after it was declined", "Exit codes", "doctor");
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("names \"refuse\" controls, once more declining the privacy policy",
                "opens an alert, confirm or prompt no \"dialog\" step answers", "declining it again each time its sheet comes back");
        assertThat(run("scan", "--help")).isZero();
        assertThat(out.toString()).contains("--category", "--fail-on", "--unmasked", "findings.json");
    }

    @Test
    void usageErrorsExitWith2AndSayWhy() {
        assertThat(run("scan")).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("Missing required parameter");
        assertThat(run("scan", "x.apk", "--fail-on", "severe")).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("unknown severity 'severe'");
        assertThat(run("scan", "x.apk", "--format", "pdf")).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("unknown format 'pdf'");
        assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE_ERROR.code());
    }

    /** Runs at once below 1 would explore nothing: refused before anything starts, with the option named. */
    @Test
    void runsAtOnceBelowOneIsAUsageError(@TempDir Path dir) {
        assertThat(run("run", "apps/demo-delivery", "--runs-at-once", "0", "--out", dir.resolve("run").toString()))
                .isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("--runs-at-once must be at least 1");
        assertThat(run("batch", "campaign.csv", "--runs-at-once", "-1", "--out", dir.resolve("batch").toString()))
                .isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains("permlab batch: --runs-at-once must be at least 1");
        assertThat(dir.resolve("run")).doesNotExist();
        assertThat(dir.resolve("batch")).doesNotExist();
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--runs-at-once");
    }

    @Test
    void findingsAboveTheThresholdExitWith4AndBelowItWith0(@TempDir Path dir) {
        String apk = ThirdPartyApks.apiDemos().toString();
        // ApiDemos is debuggable: a high finding, and nothing critical.
        assertThat(run("scan", apk, "--out", dir.resolve("a").toString(), "--format", "json")).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run("scan", apk, "--out", dir.resolve("b").toString(), "--format", "json", "--fail-on", "high")).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(run("scan", apk, "--out", dir.resolve("c").toString(), "--format", "json", "--fail-on", "critical")).isEqualTo(ExitCode.CLEAN.code());
        assertThat(dir.resolve("c/findings.json")).isRegularFile();
        assertThat(dir.resolve("c/permlab.log")).content().contains("ApiDemos-debug [ok]");
    }

    @Test
    void categoryIsAcceptedInChineseOrEnglish(@TempDir Path dir) throws Exception {
        String apk = ThirdPartyApks.apiDemos().toString();
        run("scan", apk, "-c", "food delivery", "--out", dir.resolve("en").toString(), "--format", "json");
        run("scan", apk, "-c", "餐饮外卖", "--out", dir.resolve("zh").toString(), "--format", "json");
        String en = Files.readString(dir.resolve("en/findings.json"));
        assertThat(en).contains("\"id\": \"food_delivery\"").contains("APK-PERM-NOT-NECESSARY");
        assertThat(Files.readString(dir.resolve("zh/findings.json"))).contains("\"zh\": \"餐饮外卖\"");
    }

    @Test
    void unmaskedOutputIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("raw");
        run("scan", ThirdPartyApks.apiDemos().toString(), "--out", outDir.toString(), "--format", "json", "--unmasked");
        assertThat(Files.getPosixFilePermissions(outDir.resolve("findings.json")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(outDir.resolve("findings.json"))).contains("\"piMasked\": false");
    }

    @Test
    void categoriesListsAll39() {
        assertThat(run("categories")).isZero();
        assertThat(out.toString().lines().filter(l -> !l.startsWith(" "))).hasSize(39);
        assertThat(out.toString()).contains("food_delivery", "餐饮外卖", "map_navigation");
    }

    @Test
    void rulesListsLegalBasis() {
        assertThat(run("rules")).isZero();
        assertThat(out.toString()).contains("APK-PERM-NOT-NECESSARY", "认定方法 四.1", "PIPL 第五十一条");
        assertThat(out.toString()).contains("severity: " + io.permlab.knowledge.KnowledgeBase.builtIn().rule("DYN-PERM-MANDATORY").orElseThrow().severityNote().en());
    }
}
