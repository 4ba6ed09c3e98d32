package io.permlab.it;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.cli.ExitCode;
import io.permlab.cli.PermLab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of two copies of the sample mini-program, one whose app.json holds a lone surrogate and a control character
 * (both legal JSON escapes): every report is written, and each one is valid in its own format.
 */
class BadTextBatchTest {
    @TempDir
    static Path dir;
    private static Path out;
    private static int exit;
    private static String console;

    @BeforeAll
    static void scan() throws IOException {
        Path sample = ThirdPartyApks.home().resolve("apps/demo-delivery-miniprogram/miniprogram");
        Path inputs = dir.resolve("inputs");
        copy(sample, inputs.resolve("good"));
        copy(sample, inputs.resolve("bad"));
        Path appJson = inputs.resolve("bad/app.json");
        String json = Files.readString(appJson);
        assertThat(json).contains("用于为您提供更好的服务");
        Files.writeString(appJson, json.replace("用于为您提供更好的服务", "用于为您提供\\ud800更好的服务\\u0007")
                .replace("鲜味外卖", "鲜味\\udfff外卖"));
        out = dir.resolve("out");
        StringWriter err = new StringWriter();
        exit = PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "scan", inputs.toString(), "--out", out.toString(), "--no-progress", "--category", "餐饮外卖");
        console = err.toString();
    }

    @Test
    void theBatchEndsAsAnyBatchWithFindingsDoesWithNoProcessingError() {
        assertThat(console).doesNotContain("report:").contains("2 target(s)").contains(" 0 processing error(s)");
        assertThat(exit).isEqualTo(ExitCode.FINDINGS.code());
    }

    @Test
    void findingsJsonIsValidAndShowsTheReplacementCharacter() throws IOException {
        JsonObject root = strictJson(out.resolve("findings.json")).getAsJsonObject();
        assertThat(root.getAsJsonArray("targets")).hasSize(2);
        assertThat(root.toString()).contains("用于为您提供\uFFFD更好的服务").doesNotContain("\u0007");
        for (JsonElement t : root.getAsJsonArray("targets")) {
            assertThat(t.getAsJsonObject().getAsJsonArray("findings")).as(t.getAsJsonObject().get("id").getAsString()).isNotEmpty();
        }
    }

    @Test
    void sarifIsValid() throws IOException {
        JsonObject sarif = strictJson(out.resolve("results.sarif")).getAsJsonObject();
        assertThat(sarif.get("version").getAsString()).isEqualTo("2.1.0");
        assertThat(sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results")).isNotEmpty();
    }

    @Test
    void junitIsWellFormedXml() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    }

    @Test
    void htmlIsWrittenWithTheCleanedText() throws IOException {
        String html = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(out.resolve("index.html")))).toString();
        assertThat(html).contains("</html>").contains("用于为您提供\uFFFD更好的服务").doesNotContain("\u0007");
    }

    @Test
    void everyAllureResultIsValidJson() throws IOException {
        List<Path> results;
        try (Stream<Path> s = Files.list(out.resolve("allure-results"))) {
            results = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        assertThat(results).hasSizeGreaterThan(2);
        for (Path p : results) {
            strictJson(p);
        }
    }

    /** Strict UTF-8 (a lone surrogate cannot be encoded) and strict JSON (no raw control characters). */
    static JsonElement strictJson(Path file) throws IOException {
        assertThat(file).exists();
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            while (p.nextToken() != null) {
                // reading every token is the check: Jackson's defaults reject what JSON forbids
            }
        }
        return com.google.gson.JsonParser.parseString(text);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
