package io.permlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permlab run --device} with a device profile whose persona is malformed: a usage error before any target is
 * run or any device is asked for, naming the profile and the field, never the value.
 */
class RunDevicePersonaTest {
    @TempDir
    Path dir;

    @Test
    void aMalformedPersonaInTheDeviceProfileIsAUsageErrorNamingTheField() throws Exception {
        Path target = Files.createDirectories(dir.resolve("apps/a"));
        Files.writeString(target.resolve("target.json"), "{\"name\": \"a\", \"kind\": \"apk\", \"apk\": \"a.apk\", \"package\": \"a.b\", "
                + "\"functions\": [{\"id\": \"f\", \"flow\": \"f.flow.json\"}]}");
        Path profile = dir.resolve("phone.json");
        Files.writeString(profile, "{\"kind\": \"android\", \"name\": \"phone\",\n \"persona\": {\"androidId\": \"9774d56d682e549c\", \"imei\": \"3569380356438\"}}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", target.toString(), "--out",
                dir.resolve("out").toString(), "--no-progress", "--device", profile.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains(profile.toString(), "field 'persona.imei' (line 2) must be 15 digits")
                .doesNotContain("3569380356438");
        assertThat(dir.resolve("out/runs")).doesNotExist();
    }
}
