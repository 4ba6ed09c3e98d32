package io.permlab.report;

import io.permlab.model.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every format together, through Reports.write: what reaches the disk is masked unless asked otherwise. */
class ReportsMaskingTest {
    @TempDir
    Path out;

    private Map<String, String> writeAll(boolean unmasked) throws IOException {
        List<String> problems = Reports.write(SampleRuns.run(out), SampleRuns.knowledge(),
                new ReportOptions(out, Lang.ZH, unmasked), new LinkedHashSet<>(Reports.formats()));
        assertThat(problems).isEmpty();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void registersTheFormatsInTheirDocumentedOrder() {
        assertThat(Reports.formats()).containsExactly("json", "html", "sarif", "junit", "allure");
    }

    @Test
    void noWrittenFileHoldsTheFullPhoneNumberWhenMasked() throws IOException {
        Map<String, String> files = writeAll(false);

        assertThat(files).containsKeys("findings.json", "index.html", "results.sarif", "junit.xml",
                "allure-results/environment.properties", "allure-results/categories.json");
        assertThat(files.keySet()).anyMatch(f -> f.startsWith("allure-results/") && f.endsWith("-attachment.json"));
        files.forEach((name, content) -> assertThat(content).as(name).doesNotContain(SampleRuns.PHONE));
        for (String report : List.of("findings.json", "index.html", "results.sarif", "junit.xml")) {
            assertThat(files.get(report)).as(report).contains(SampleRuns.MASKED_PHONE);
        }
        assertThat(files.entrySet()).filteredOn(e -> e.getKey().endsWith("-attachment.json"))
                .anyMatch(e -> e.getValue().contains(SampleRuns.MASKED_PHONE));
    }

    @Test
    void theFullPhoneNumberIsWrittenOnlyWhenUnmaskedIsAsked() throws IOException {
        Map<String, String> files = writeAll(true);

        for (String report : List.of("findings.json", "index.html", "results.sarif", "junit.xml")) {
            assertThat(files.get(report)).as(report).contains(SampleRuns.PHONE);
        }
        assertThat(files.get("index.html")).contains("NOT masked");
    }
}
