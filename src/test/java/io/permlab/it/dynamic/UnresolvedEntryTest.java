package io.permlab.it.dynamic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry whose host does not resolve — most often a target that names a host it does not serve — is an error on the
 * target saying where to look (target.json's 'serve'), not Chromium's bare net:: code. Through 'permlab run' in real
 * Chromium; ".invalid" never resolves (RFC 2606).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnresolvedEntryTest {
    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        run = CliRun.run(dir.resolve("out"), List.of(H5Target.in(dir.resolve("targets"), "unserved")
                .at("http://shop.not-served.invalid/index.html")
                .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#done\"}}")).write()));
    }

    @Test
    void theErrorNamesTheServeListAndTheRunIsNotJudged() {
        RunReport.Target t = RunReport.read(run.outDir().resolve("findings.json")).target("unserved");
        assertThat(t.errors()).anySatisfy(e -> assertThat(e).contains("http://shop.not-served.invalid/index.html",
                "does not resolve", "target.json's 'serve'"));
        assertThat(t.ruleIds()).isEmpty();
    }
}
