package io.permlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** 'permlab doctor' checks the mini-program runtime with the real node and the project's node_modules. */
class MiniProgramRuntimeCheckTest {
    private static final EnvironmentCheck.Result NODE = new EnvironmentCheck.Result("node", EnvironmentCheck.Status.OK, "v20", null, false);

    @Test
    void theProjectsNodeModulesHoldTheRuntime() {
        EnvironmentCheck.Result r = EnvironmentCheck.miniProgramRuntime(Path.of("").toAbsolutePath(), NODE);
        assertThat(r.status()).as(r.detail()).isEqualTo(EnvironmentCheck.Status.OK);
        assertThat(r.detail()).contains("bin/linux/wcc");
    }

    @Test
    void aHomeWithoutNodeModulesIsAWarningWithItsFix(@TempDir Path empty) {
        EnvironmentCheck.Result r = EnvironmentCheck.miniProgramRuntime(empty, NODE);
        assertThat(r.status()).isEqualTo(EnvironmentCheck.Status.WARN);
        assertThat(r.detail()).contains(empty.resolve("node_modules").toString());
        assertThat(r.fix()).contains("npm ci");
    }

    @Test
    void withoutNodeTheRuntimeCannotBeChecked() {
        EnvironmentCheck.Result r = EnvironmentCheck.miniProgramRuntime(Path.of("").toAbsolutePath(),
                new EnvironmentCheck.Result("node", EnvironmentCheck.Status.WARN, "not found on PATH", "install", false));
        assertThat(r.status()).isEqualTo(EnvironmentCheck.Status.WARN);
        assertThat(r.detail()).isEqualTo("needs node");
    }
}
