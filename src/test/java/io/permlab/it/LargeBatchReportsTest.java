package io.permlab.it;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of 30 copies of ApiDemos (335 findings each, 329 of one rule at one severity) scanned by the CLI in its own JVM with a
 * 256 MB heap: every report is written and valid, and index.html stays under a bound per target thanks to grouping.
 * Before reports streamed, this batch ran out of memory in the report stage and left only findings.json.
 */
class LargeBatchReportsTest {
    private static final int COPIES = 30;
    /** ApiDemos' section, grouped, is about 70 KB; it was about 1 MB with every finding spelled out. */
    private static final long HTML_BYTES_PER_TARGET = 100_000;

    @TempDir
    Path dir;

    @Test
    void everyReportIsWrittenWithASmallHeap() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        for (int i = 1; i <= COPIES; i++) {
            Files.copy(ThirdPartyApks.apiDemos(), inputs.resolve("app" + i + ".apk"));
        }
        Path out = dir.resolve("out");
        Path console = dir.resolve("console.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dpermlab.home=" + ThirdPartyApks.home(), "-cp", System.getProperty("java.class.path"),
                PermLab.class.getName(), "scan", inputs.toString(), "--out", out.toString(), "--no-progress")
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertThat(p.waitFor(8, TimeUnit.MINUTES)).as("finished in time").isTrue();
        String printed = Files.readString(console);

        assertThat(p.exitValue()).as(printed).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(printed).doesNotContain("OutOfMemoryError").contains(COPIES + " target(s)", " 0 processing error(s)");
        assertThat(targetsIn(out.resolve("findings.json"))).isEqualTo(COPIES);
        // every copy's findings, one SARIF result each (ApiDemos' count grows with the rules, so it is read, not pinned)
        int perCopy = findingsIn(out.resolve("findings.json")) / COPIES;
        assertThat(perCopy).isGreaterThan(300);
        assertThat(findingsIn(out.resolve("findings.json"))).isEqualTo(COPIES * perCopy);
        assertThat(resultsIn(out.resolve("results.sarif"))).isEqualTo(COPIES * perCopy);
        SAXParserFactory.newInstance().newSAXParser().parse(out.resolve("junit.xml").toFile(), new org.xml.sax.helpers.DefaultHandler());
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).endsWith("</html>\n").contains("× 329");
        assertThat(Files.size(out.resolve("index.html"))).isLessThan(COPIES * HTML_BYTES_PER_TARGET);
        try (Stream<Path> s = Files.list(out.resolve("allure-results"))) {
            List<Path> results = s.filter(f -> f.toString().endsWith("-result.json")).toList();
            assertThat(results).hasSizeGreaterThanOrEqualTo(COPIES);
        }
    }

    /** Counted while streaming: the test itself must not need the memory the writer no longer needs. */
    private static int targetsIn(Path findings) throws IOException {
        return countObjectsIn(findings, "targets");
    }

    private static int findingsIn(Path findings) throws IOException {
        return countObjectsIn(findings, "findings");
    }

    private static int resultsIn(Path sarif) throws IOException {
        return countObjectsIn(sarif, "results");
    }

    private static int countObjectsIn(Path file, String arrayName) throws IOException {
        int count = 0;
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            int depthInArray = -1;
            int depth = 0;
            for (JsonToken t = json.nextToken(); t != null; t = json.nextToken()) {
                if (t == JsonToken.START_ARRAY && arrayName.equals(json.currentName()) && depthInArray < 0) {
                    depthInArray = depth;
                }
                if (t == JsonToken.START_OBJECT && depthInArray >= 0 && depth == depthInArray + 1) {
                    count++;
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (t == JsonToken.END_ARRAY && depth == depthInArray) {
                        depthInArray = -2;
                    }
                }
            }
        }
        return count;
    }
}
