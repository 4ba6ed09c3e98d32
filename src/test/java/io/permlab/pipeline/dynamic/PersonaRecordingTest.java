package io.permlab.pipeline.dynamic;

import io.permlab.capture.Exchanges;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.RawRun;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's recording with a test persona declared: persona values planted in the traffic and storage in their common
 * encodings are all found, as PI of the declared kind, and none of them (nor their encodings) is left readable in the
 * run's masked texts or its HAR file. Exchanges are built as the DevTools network recorder reports them
 * (io.permlab.capture.Exchanges); the run itself is a RawRun as the flow runner returns it.
 */
class PersonaRecordingTest {
    private static final Persona ME = new Persona("张三丰", "13812345678", "11010519491231002X", "人民大道200号 3楼",
            "zhangsan@example.com", null, null, null, null);

    @TempDir
    Path out;

    static String hex(String algorithm, String v) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(v.getBytes(StandardCharsets.UTF_8)));
    }

    private RawRun raw(List<RawRun.TimedExchange> exchanges, ObservedStorage storage, String pageText) {
        return new RawRun("baseline", "nearby-orders", RunPolicy.baseline(), "local", Instant.parse("2026-12-06T08:00:00Z"), 9000,
                null, 0, List.of(new StepRecord(0, "type", "type css=#name \"张三丰\"", 0, 10, true, null, null, null)), List.of(),
                exchanges, storage, new CheckpointResult(true, "checkpoint text=共 1 单", "visible", 8000, "step-02-checkpoint.png"),
                List.of(), List.of(), RunOutcome.of(true), null, pageText);
    }

    @Test
    void encodedPersonaValuesAreAllFoundAndUnrelatedHexIsNot() throws Exception {
        String md5 = hex("MD5", "13812345678");
        String sha256 = hex("SHA-256", "11010519491231002X");
        String b64 = Base64.getEncoder().encodeToString("zhangsan@example.com".getBytes(StandardCharsets.UTF_8));
        String unrelatedMd5Length = hex("MD5", "13812345679");
        String unrelatedSha256Length = hex("SHA-256", "someone else");
        String body = md5.toUpperCase() + "&sig=" + unrelatedMd5Length + "&k=" + unrelatedSha256Length + "&uid=" + sha256
                + "&e=" + b64 + "&tail=" + hex("SHA-1", "人民大道200号 3楼");
        String url = "http://analytics.tracker.example/c?n=" + URLEncoder.encode("张三丰", StandardCharsets.UTF_8);
        Run run = new ExplorationRecorder(out, "runs/t", true, ME).record(raw(List.of(
                new RawRun.TimedExchange(Exchanges.post(url, "text/plain", body).build(), 100, 0)), new ObservedStorage(List.of()), null));
        NetworkExchange x = run.exchanges().get(0);
        assertThat(x.piSent()).extracting(s -> s.type() + " " + s.where()).contains(
                "PERSON_NAME url query n (persona, URL)",
                "MOBILE_PHONE body form 4C0115… (persona, MD5)",
                "RESIDENT_ID body form uid (persona, SHA256)",
                "EMAIL body form e (persona, BASE64)",
                "ADDRESS body form tail (persona, SHA1)");
        assertThat(x.piSent()).extracting(PiSighting::where).as("unrelated hex of the same lengths")
                .noneMatch(w -> w.contains("form sig") || w.contains("form k "));
        assertThat(x.piSent()).hasSize(5);
    }

    @Test
    void noPersonaValueOrEncodingIsLeftInTheMaskedRunOrItsHar() throws Exception {
        String md5 = hex("MD5", "13812345678");
        String b64Name = Base64.getEncoder().encodeToString("张三丰".getBytes(StandardCharsets.UTF_8));
        String url = "http://waimai.example/api/u?name=" + URLEncoder.encode("张三丰", StandardCharsets.UTF_8) + "&h=" + md5;
        String response = "{\"data\":[{\"receiver\":\"张三丰\",\"phone\":\"13812345678\",\"address\":\"上海市人民大道200号 3楼\",\"n\":\"" + b64Name + "\"}]}";
        Run run = new ExplorationRecorder(out, "runs/t", true, ME).record(raw(List.of(new RawRun.TimedExchange(
                        Exchanges.post(url, "application/json", "{\"id\":\"11010519491231002X\",\"email\":\"zhangsan@example.com\"}")
                                .response("application/json", response).build(), 100, 1)),
                new ObservedStorage(List.of(new ObservedStorage.Entry("localStorage", "http://waimai.example", "who", "张三丰"))),
                "张** 138****5678 上海市人民***"));
        List<String> raw = List.of("张三丰", "13812345678", "11010519491231002X", "人民大道200号", "zhangsan@example.com", md5, b64Name,
                URLEncoder.encode("张三丰", StandardCharsets.UTF_8));
        String recorded = run.toString();
        assertThat(recorded).doesNotContain(raw);
        assertThat(run.storage().get(0).pi()).extracting(PiSighting::type).contains("PERSON_NAME");
        assertThat(run.exposures()).extracting(e -> e.kind() + " " + e.type()).contains("SHOWN_MASKED MOBILE_PHONE", "SHOWN_MASKED PERSON_NAME");
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            assertThat(written).isNotEmpty();
            for (Path f : written) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(raw);
            }
        }
    }
}
