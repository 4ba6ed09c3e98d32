package io.permlab.cli;

import com.google.gson.JsonParser;
import io.permlab.it.ThirdPartyApks;
import io.permlab.testsupport.FixtureApks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run does to its output folder when the inputs or the folder are hostile: a target named "..", files that were
 * there before the run, a symlink out of the folder, escape sequences in names. Runs the CLI in-process on real files.
 */
class OutputFolderTest {
    private final StringWriter err = new StringWriter();

    private int scan(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("scan"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--no-progress", "--format", "json"));
        return PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private static Path earlierWork(Path out) throws IOException {
        Files.createDirectories(out.resolve("earlier/runs"));
        return Files.writeString(out.resolve("earlier/runs/evidence.txt"), "an earlier run's evidence\n");
    }

    @Test
    void aFileNamedDotDotApksDeletesNothingOfTheOutputFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path earlier = earlierWork(out);
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("...apks"), "not a bundle\n");

        // a real bundle first: its splits are unpacked under .work, which is still there for the next target
        scan(out, bundle(), inputs.resolve("...apks").toString());

        assertThat(earlier).hasContent("an earlier run's evidence");
        assertThat(targetIds(out)).hasSize(2).allSatisfy(OutputFolderTest::isSafeName);
        assertThat(out.resolve(".work")).doesNotExist();
    }

    @Test
    void aTargetFolderNamedDotDotDeletesNothingOfTheOutputFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path earlier = earlierWork(out);
        Path app = Files.createDirectories(dir.resolve("apps/app"));
        Files.copy(ThirdPartyApks.apiDemos(), dir.resolve("apps/demos.apk"));
        Files.writeString(dir.resolve("apps/target.json"), "{\"name\": \"demos\", \"kind\": \"apk\", \"apk\": \"demos.apk\"}");

        int exit = scan(out, bundle(), app.resolve("..").toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(earlier).hasContent("an earlier run's evidence");
        assertThat(targetIds(out)).hasSize(2).allSatisfy(OutputFolderTest::isSafeName);
        assertThat(out.resolve(".work")).doesNotExist();
    }

    @Test
    void idsKeepChineseLettersAndStayUnique(@TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.copy(ThirdPartyApks.apiDemos(), inputs.resolve("鲜味外卖.apk"));
        Files.copy(ThirdPartyApks.apiDemos(), inputs.resolve("鲜味外卖.xapk"));

        scan(dir.resolve("out"), inputs.toString());

        assertThat(targetIds(dir.resolve("out"))).containsExactlyInAnyOrder("鲜味外卖", "鲜味外卖-2");
    }

    @Test
    void unmaskedRestrictsWhatThisRunWroteAndNothingElse(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path script = Files.writeString(out.resolve("compare.sh"), "#!/bin/sh\necho compare\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path outside = Files.writeString(dir.resolve("shared-notes.txt"), "the team's notes\n");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(out.resolve("notes"), outside);
        Path stale = Files.writeString(out.resolve("findings.json"), "{\"targets\": []}");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-r--r--"));

        scan(out, ThirdPartyApks.apiDemos().toString(), "--unmasked");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("findings.json")))).isEqualTo("rw-------");
        assertThat(out.resolve("findings.json")).content().contains("\"piMasked\": false");
    }

    @Test
    void anUnmaskedRunCreatesItsFolderOwnerOnly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("new/raw");

        scan(out, ThirdPartyApks.apiDemos().toString(), "--unmasked");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new")))).isNotEqualTo("rwx------");
    }

    @Test
    void escapeSequencesInNamesNeverReachTheConsoleOrTheLog(@TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u0008.apk"), "not an APK\n");
        Path out = dir.resolve("out");

        scan(out, inputs.toString());

        assertThat(err.toString()).contains("evil").contains("not a zip archive");
        assertThat(Files.readString(out.resolve("permlab.log"))).contains("evil").contains("not a zip archive");
        assertThat(err.toString() + Files.readString(out.resolve("permlab.log")))
                .doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]");
    }

    @Test
    void theSummaryNamesOnlyTheReportsThisRunWrote(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("results.sarif"), "{}");
        Files.createDirectories(out.resolve("allure-results"));

        scan(out, ThirdPartyApks.apiDemos().toString());

        String summary = err.toString().lines().filter(l -> l.contains("Reports in")).findFirst().orElseThrow();
        assertThat(summary).endsWith(": findings.json, permlab.log");
        assertThat(out.resolve("results.sarif")).hasContent("{}");
    }

    @Test
    void anOutputFolderGivenThroughALinkIsStillTheRunsFolder(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("reports/2026-12-06"));
        Path latest = Files.createSymbolicLink(dir.resolve("latest"), real);

        scan(latest, ThirdPartyApks.apiDemos().toString(), "--unmasked");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real.resolve("findings.json")))).isEqualTo("rw-------");
        assertThat(err.toString()).contains(": findings.json, permlab.log");
    }

    private static String bundle() {
        return FixtureApks.bundle("apks", "clean-app", "ads-split").toString();
    }

    private static List<String> targetIds(Path out) throws IOException {
        List<String> ids = new ArrayList<>();
        JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets")
                .forEach(t -> ids.add(t.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    private static void isSafeName(String id) {
        assertThat(id).isNotBlank().doesNotStartWith(".").doesNotContain("/").doesNotContain("\\");
    }
}
