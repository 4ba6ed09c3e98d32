package io.permlab.capture;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.exercise.ObservedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HarWriterTest {
    private static final String ID = Identifiers.residentId("310115", "19900307", "123");
    private static final String CARD = Identifiers.withLuhn("622202123456789012");
    /** Every raw value the run below sends, receives or sets, as it may appear in the file. */
    private static final List<String> RAW = List.of("13812345678", "13912345678", "13712345678", "13612345678", "13512345678",
            "31.230416", "121.473701", "230416", "473701", ID, CARD, "zhang.san@example.com", "zhang.san%40example.com", "li.si@example.com",
            "490154203237518", "3C:5A:B4:01:02:03", "沪A12345", "39.908722", "116.397499", "13312345678", "30.123456", "120.654321",
            "13212345678", "wang.wu@example.com", "133 1234 5678", "1234 5678");

    @TempDir
    Path dir;

    @Test
    void writesEveryRequiredHarFieldWithItsType() throws IOException {
        JsonObject log = read(write(false)).getAsJsonObject("log");
        assertThat(log.get("version").getAsString()).isEqualTo("1.2");
        assertThat(log.getAsJsonObject("creator").get("name").getAsString()).isEqualTo("PermLab");
        assertThat(log.getAsJsonObject("creator").get("version").getAsString()).isEqualTo("0.1.0");
        assertThat(log.getAsJsonObject("browser").get("name").getAsString()).isEqualTo("chromium");
        assertThat(log.getAsJsonObject("browser").get("version").getAsString()).isEqualTo("156.0.8078.108");
        JsonObject page = log.getAsJsonArray("pages").get(0).getAsJsonObject();
        assertThat(page.get("id").getAsString()).isEqualTo("page_1");
        assertThat(page.get("title").getAsString()).isEqualTo("add-address baseline");
        assertIsoWithOffset(page.get("startedDateTime"));
        assertThat(page.getAsJsonObject("pageTimings").get("onLoad").getAsJsonPrimitive().isNumber()).isTrue();

        JsonArray entries = log.getAsJsonArray("entries");
        assertThat(entries).hasSize(run().entries().size());
        for (JsonElement e : entries) {
            JsonObject entry = e.getAsJsonObject();
            assertThat(entry.get("pageref").getAsString()).isEqualTo("page_1");
            assertIsoWithOffset(entry.get("startedDateTime"));
            assertThat(entry.getAsJsonObject("cache").entrySet()).isEmpty();
            JsonObject timings = entry.getAsJsonObject("timings");
            for (String phase : List.of("send", "wait", "receive")) {
                assertThat(timings.get(phase).getAsDouble()).as(phase).isGreaterThanOrEqualTo(0);
            }
            double sum = timings.entrySet().stream().mapToDouble(t -> t.getValue().getAsDouble()).filter(t -> t >= 0).sum();
            assertThat(entry.get("time").getAsDouble()).as("time is the sum of the known timings").isEqualTo(sum);
            JsonObject request = entry.getAsJsonObject("request");
            for (String name : List.of("method", "url", "httpVersion")) {
                assertThat(request.get(name).getAsJsonPrimitive().isString()).as(name).isTrue();
            }
            for (String name : List.of("cookies", "headers", "queryString")) {
                assertThat(request.get(name).isJsonArray()).as(name).isTrue();
            }
            assertThat(request.get("headersSize").getAsInt()).isEqualTo(-1);
            assertThat(request.get("bodySize").getAsJsonPrimitive().isNumber()).isTrue();
            JsonObject response = entry.getAsJsonObject("response");
            assertThat(response.get("status").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(response.get("statusText").getAsJsonPrimitive().isString()).isTrue();
            assertThat(response.get("httpVersion").getAsString()).isEqualTo("HTTP/2");
            assertThat(response.get("cookies").isJsonArray()).isTrue();
            assertThat(response.get("headers").isJsonArray()).isTrue();
            assertThat(response.get("redirectURL").getAsJsonPrimitive().isString()).isTrue();
            assertThat(response.get("headersSize").getAsInt()).isEqualTo(-1);
            assertThat(response.get("bodySize").getAsJsonPrimitive().isNumber()).isTrue();
            JsonObject content = response.getAsJsonObject("content");
            assertThat(content.get("size").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(content.get("mimeType").getAsJsonPrimitive().isString()).isTrue();
            assertThat(entry.getAsJsonObject("_permlab").get("stepIndex").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(entry.getAsJsonObject("_permlab").get("beforeConsent").getAsJsonPrimitive().isBoolean()).isTrue();
        }
        JsonObject post = entries.get(1).getAsJsonObject();
        assertThat(post.getAsJsonObject("request").getAsJsonObject("postData").get("mimeType").getAsString()).isEqualTo("application/json");
        assertThat(post.get("time").getAsDouble()).isEqualTo(87.25);
        assertThat(post.getAsJsonObject("_permlab").get("stepIndex").getAsInt()).isEqualTo(3);
        assertThat(post.getAsJsonObject("_permlab").get("beforeConsent").getAsBoolean()).isTrue();
    }

    @Test
    void queryStringsAreDecodedPairsAndCookiesAreParsed() throws IOException {
        JsonArray entries = read(write(false)).getAsJsonObject("log").getAsJsonArray("entries");
        JsonObject get = entries.get(0).getAsJsonObject().getAsJsonObject("request");
        assertThat(get.get("url").getAsString()).doesNotContain("#");
        assertThat(pairs(get.getAsJsonArray("queryString"))).containsExactly(
                Map.entry("phone", "13812345678"), Map.entry("email", "zhang.san@example.com"),
                Map.entry("note", "电话 13912345678"), Map.entry("lat", "31.230416"), Map.entry("lng", "121.473701"));
        assertThat(pairs(get.getAsJsonArray("cookies"))).containsExactly(Map.entry("sid", "8f14e45f"), Map.entry("phone", "13712345678"));
        JsonObject setCookie = entries.get(0).getAsJsonObject().getAsJsonObject("response").getAsJsonArray("cookies").get(0).getAsJsonObject();
        assertThat(setCookie.get("name").getAsString()).isEqualTo("uid");
        assertThat(setCookie.get("path").getAsString()).isEqualTo("/");
        assertThat(setCookie.get("httpOnly").getAsBoolean()).isTrue();
        assertThat(setCookie.get("secure").getAsBoolean()).isFalse();
        assertIsoWithOffset(setCookie.get("expires"));
    }

    @Test
    void base64BodiesAreMarkedAndFailedRequestsHaveStatusZeroAndAnError() throws IOException {
        JsonArray entries = read(write(false)).getAsJsonObject("log").getAsJsonArray("entries");
        JsonObject image = entries.get(3).getAsJsonObject().getAsJsonObject("response").getAsJsonObject("content");
        assertThat(image.get("encoding").getAsString()).isEqualTo("base64");
        assertThat(image.get("size").getAsLong()).isEqualTo(8);
        JsonObject json = entries.get(1).getAsJsonObject().getAsJsonObject("response").getAsJsonObject("content");
        assertThat(json.has("encoding")).isFalse();
        JsonObject failed = entries.get(5).getAsJsonObject().getAsJsonObject("response");
        assertThat(failed.get("status").getAsInt()).isZero();
        assertThat(failed.get("_error").getAsString()).isEqualTo("net::ERR_BLOCKED_BY_CLIENT");
        assertThat(failed.getAsJsonObject("content").has("text")).isFalse();
    }

    @Test
    void maskedFilesHoldNoRawPiAnywhere() throws IOException {
        String masked = Files.readString(write(true), StandardCharsets.UTF_8);
        for (String raw : RAW) {
            assertThat(masked).as(raw).doesNotContain(raw);
        }
        String base64Json = read(Path.of(dir.resolve("masked.har").toString())).getAsJsonObject("log").getAsJsonArray("entries").get(4)
                .getAsJsonObject().getAsJsonObject("response").getAsJsonObject("content").get("text").getAsString();
        assertThat(new String(Base64.getDecoder().decode(base64Json), StandardCharsets.UTF_8))
                .as("textual base64 is masked inside").isEqualTo("{\"mobile\":\"135****5678\"}");
        assertThat(masked).contains("138****5678", "31.23****", "121.47****", "z***@example.com", "电话 139****5678");
        assertThat(masked).as("what is not PI stays").contains("202411281530001234", "1732780800000", "世纪大道100号");
    }

    @Test
    void unmaskedFilesKeepRawValuesAndAreReadableByTheirOwnerOnly() throws IOException {
        Path file = write(false);
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        for (String value : List.of("13812345678", "13912345678", "13712345678", "13612345678", "31.230416", "121.473701", ID, CARD,
                "zhang.san@example.com", "li.si%40example.com", "490154203237518", "沪A12345")) {
            assertThat(raw).as(value).contains(value);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private Path write(boolean mask) throws IOException {
        Path file = dir.resolve(mask ? "masked.har" : "raw.har");
        HarWriter.write(file, run(), mask);
        return file;
    }

    private static HarRun run() {
        Instant t0 = Instant.parse("2026-11-28T08:00:00Z");
        ObservedExchange get = Exchanges.get("https://api.example.cn/v1/nearby?phone=13812345678&email=zhang.san%40example.com"
                        + "&note=%E7%94%B5%E8%AF%9D+13912345678&lat=31.230416&lng=121.473701#top")
                .header("Cookie", "sid=8f14e45f; phone=13712345678")
                .header("X-Device-Mac", "3C:5A:B4:01:02:03")
                .responseHeader("Set-Cookie", "uid=13612345678; Path=/; Expires=Wed, 09 Jun 2027 10:18:14 GMT; HttpOnly")
                .response("application/json", "{\"stores\":[{\"name\":\"人民广场店\",\"location\":[116.397499,39.908722]}]}")
                .at(t0.plusMillis(120), 35.5).build();
        ObservedExchange post = Exchanges.post("https://api.example.cn/v1/address", "application/json",
                        "{\"receiver\":{\"phone\":\"13812345678\",\"idNo\":\"" + ID + "\",\"card\":\"" + CARD + "\"},"
                                + "\"address\":{\"text\":\"世纪大道100号\",\"lat\":31.230416,\"lng\":121.473701},\"orderId\":\"202411281530001234\"}")
                .response("application/json", "{\"code\":0,\"plate\":\"沪A12345\",\"ts\":1732780800000}")
                .at(t0.plusMillis(800), 87.25).build();
        ObservedExchange form = Exchanges.post("https://api.example.cn/v1/contact", "application/x-www-form-urlencoded",
                "mail=li.si%40example.com&imei=490154203237518&lat=31.230416&lon=121.473701").response("text/html", "<p>ok</p>").build();
        ObservedExchange image = Exchanges.get("https://static.example.cn/a.png")
                .response("image/png", Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).base64().build();
        ObservedExchange base64Json = Exchanges.get("https://api.example.cn/v1/me")
                .response("application/json", Base64.getEncoder().encodeToString("{\"mobile\":\"13512345678\"}".getBytes(StandardCharsets.UTF_8)))
                .base64().build();
        ObservedExchange failed = Exchanges.get("https://track.example.com/collect?uid=13812345678").failed("net::ERR_BLOCKED_BY_CLIENT").build();
        ObservedExchange upload = Exchanges.post("https://api.example.cn/v1/profile", "multipart/form-data; boundary=b1",
                        "--b1\r\nContent-Disposition: form-data; name=\"tel\"\r\n\r\n133 1234 5678\r\n--b1\r\n"
                                + "Content-Disposition: form-data; name=\"mail\"\r\n\r\nwang.wu@example.com\r\n--b1--\r\n")
                .response("text/html; charset=utf-8", "<p>联系 13212345678</p><script>var s={\"shop\":{\"lat\":30.123456,\"lng\":120.654321}};</script>")
                .build();
        return new HarRun("0.1.0", "chromium 156.0.8078.108 (local chromedriver, Pixel 7 emulation)", "add-address baseline", t0,
                List.of(new HarEntry(get, 1, true), new HarEntry(post, 3, true), new HarEntry(form, 4, false),
                        new HarEntry(image, 4, false), new HarEntry(base64Json, 5, false), new HarEntry(failed, 5, false),
                        new HarEntry(upload, 6, false)));
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static List<Map.Entry<String, String>> pairs(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsJsonObject)
                .map(o -> Map.entry(o.get("name").getAsString(), o.get("value").getAsString())).toList();
    }

    private static void assertIsoWithOffset(JsonElement time) {
        assertThat(time.getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    }
}
