package io.permlab.capture;

import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedStorage;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PersonaSighting;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Persona values planted in realistic traffic, each written the way SDKs and pages write them. */
class PersonaMatcherTest {
    static final Persona PERSONA = new Persona("张三丰", "13812345678", "11010519491231002X", "上海市浦东新区世纪大道100号",
            "Tester.One@Example.com", "356938035643809", "9774d56d682e549c", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff",
            "02:00:5e:10:00:01");
    private final PersonaMatcher matcher = new PersonaMatcher(PERSONA);

    @Test
    void findsEncodedValuesInAJsonBodyWithTheirPaths() throws Exception {
        String body = "{\"device\":{\"imei_md5\":\"" + hex("MD5", "356938035643809") + "\","
                + "\"aid\":\"" + hex("SHA-256", "9774d56d682e549c").toUpperCase() + "\"},"
                + "\"u\":[{\"p\":\"" + b64(Base64.getEncoder(), "13812345678") + "\",\"n\":\"\\u5f20\\u4e09\\u4e30\"}],"
                + "\"id\":\"" + HexFormat.of().formatHex("11010519491231002X".getBytes(StandardCharsets.UTF_8)) + "\","
                + "\"mail\":\"tester.one@example.com\","
                + "\"sig\":\"" + Base64.getEncoder().encodeToString(digest("SHA-1", "13812345678")) + "\"}";
        ObservedExchange x = Exchanges.post("https://api.example.com/track", "application/json", body).build();

        assertThat(matcher.sent(x)).extracting(PersonaSighting::field, PersonaSighting::encoding, PersonaSighting::where)
                .containsExactlyInAnyOrder(
                        tuple("IMEI", "MD5", "body $.device.imei_md5"),
                        tuple("ANDROID_ID", "SHA256", "body $.device.aid"),
                        tuple("PHONE", "BASE64", "body $.u[0].p"),
                        tuple("NAME", "PLAIN", "body $.u[0].n"),
                        tuple("ID_NUMBER", "HEX", "body $.id"),
                        tuple("EMAIL", "PLAIN", "body $.mail"),
                        tuple("PHONE", "SHA1", "body $.sig"));
    }

    @Test
    void findsUrlEncodedChineseAndPhoneFormsInQueryFormAndHeaders() {
        String name = URLEncoder.encode("张三丰", StandardCharsets.UTF_8);
        String address = URLEncoder.encode("上海市浦东新区世纪大道100号", StandardCharsets.UTF_8).toLowerCase();
        String form = "tel=%2B86+138+1234+5678&addr=" + address + "&oaid=A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF";
        ObservedExchange x = Exchanges.post("https://api.example.com/u?name=" + name + "&m=0086-13812345678".replace("-", "")
                        + "&mac=02005E100001", "application/x-www-form-urlencoded", form)
                .header("X-Phone", "138-1234-5678")
                .header("X-Token", Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "Tester.One@Example.com".getBytes(StandardCharsets.UTF_8)))
                .build();

        assertThat(matcher.sent(x)).extracting(PersonaSighting::field, PersonaSighting::encoding, PersonaSighting::where)
                .containsExactlyInAnyOrder(
                        tuple("NAME", "URL", "url query name"),
                        tuple("PHONE", "PLAIN", "url query m"),
                        tuple("MAC", "PLAIN", "url query mac"),
                        tuple("PHONE", "PLAIN", "header X-Phone"),
                        tuple("EMAIL", "BASE64", "header X-Token"),
                        tuple("PHONE", "URL", "body form tel"),
                        tuple("ADDRESS", "URL", "body form addr"),
                        tuple("OAID", "PLAIN", "body form oaid"));
    }

    @Test
    void spacesAreFoundAsPlusAndAsPercent20() {
        PersonaMatcher spaced = new PersonaMatcher(new Persona("Li Lei", null, null, "北京市 海淀区 中关村大街1号", null, null, null,
                null, null));
        ObservedExchange x = Exchanges.post("https://api.example.com/a?n=Li%20Lei", "application/x-www-form-urlencoded",
                "a=" + URLEncoder.encode("北京市 海淀区 中关村大街1号", StandardCharsets.UTF_8) + "&who=li+lei").build();

        assertThat(spaced.sent(x)).extracting(PersonaSighting::field, PersonaSighting::encoding, PersonaSighting::where)
                .containsExactlyInAnyOrder(tuple("NAME", "URL", "url query n"), tuple("ADDRESS", "URL", "body form a"),
                        tuple("NAME", "URL", "body form who"));
    }

    @Test
    void findsValuesInResponsesAndStorage() throws Exception {
        ObservedExchange x = Exchanges.get("https://api.example.com/me")
                .response("application/json", "{\"data\":[{\"mobile\":13812345678,\"addr\":\"上海市浦东新区世纪大道100号\"}]}")
                .build();
        assertThat(matcher.received(x)).extracting(PersonaSighting::field, PersonaSighting::where)
                .containsExactlyInAnyOrder(tuple("PHONE", "response $.data[0].mobile"), tuple("ADDRESS", "response $.data[0].addr"));

        ObservedStorage.Entry entry = new ObservedStorage.Entry("localStorage", "https://m.example.com", "uid_hash",
                "v1|" + hex("MD5", "13812345678").toUpperCase() + "|x");
        assertThat(matcher.stored(entry)).extracting(PersonaSighting::field, PersonaSighting::encoding, PersonaSighting::where)
                .containsExactly(tuple("PHONE", "MD5", "localStorage uid_hash"));
    }

    /** An ID number as forms show it, in groups (6-8-4) and with a lower-case check letter, is still the persona's. */
    @Test
    void findsTheIdNumberSpacedIntoGroupsAndWithALowerCaseX() {
        ObservedStorage.Entry spaced = new ObservedStorage.Entry("localStorage", "https://m.example.com", "pid_fmt", "110105 19491231 002X");
        assertThat(matcher.stored(spaced)).extracting(PersonaSighting::field, PersonaSighting::encoding)
                .containsExactly(tuple("ID_NUMBER", "PLAIN"));
        ObservedStorage.Entry dashed = new ObservedStorage.Entry("localStorage", "https://m.example.com", "pid", "110105-19491231-002x");
        assertThat(matcher.stored(dashed)).extracting(PersonaSighting::field).containsExactly("ID_NUMBER");
    }

    @Test
    void unrelatedHexAndLongerRunsAreNotPersonaValues() throws Exception {
        Random random = new Random(7);
        StringBuilder body = new StringBuilder("{\"ids\":[");
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[16 + (i % 3) * 4 + (i % 2) * 12];
            random.nextBytes(b);
            body.append(i == 0 ? "" : ",").append('"').append(HexFormat.of().formatHex(b)).append('"');
        }
        // the persona's own values inside longer runs are other values, not the persona's
        body.append(",\"").append("9").append(hex("MD5", "13812345678")).append("\",\"813812345678\",\"1381234567890\"]}");
        ObservedExchange x = Exchanges.post("https://api.example.com/ids", "application/json", body.toString()).build();

        assertThat(matcher.sent(x)).isEmpty();
    }

    @Test
    void maskingLeavesNoPersonaValueOrEncodingReadable() throws Exception {
        List<String> secrets = List.of("张三丰", "13812345678", "11010519491231002X", "上海市浦东新区世纪大道100号",
                "tester.one@example.com", "356938035643809", "9774d56d682e549c", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff",
                "02:00:5e:10:00:01", hex("MD5", "13812345678"), hex("SHA-256", "张三丰"),
                b64(Base64.getEncoder(), "11010519491231002X"), URLEncoder.encode("张三丰", StandardCharsets.UTF_8),
                "1234-5678");
        String text = "name=" + secrets.get(12) + " 张三丰 called 138 1234 5678 / +8613812345678 id=11010519491231002x "
                + "addr 上海市浦东新区世纪大道100号 mail TESTER.ONE@EXAMPLE.COM imei 356938035643809 aid 9774D56D682E549C "
                + "oaid a1b2c3d4-e5f6-4711-8899-aabbccddeeff mac 02-00-5E-10-00-01 m " + secrets.get(9).toUpperCase()
                + " s " + secrets.get(10) + " b " + secrets.get(11);

        String masked = matcher.mask(text);

        for (String s : secrets) {
            assertThat(masked.toLowerCase()).as(s).doesNotContain(s.toLowerCase());
        }
        assertThat(masked).contains("张**", "上海市浦东新***", "138******5678", "T***@EXAMPLE.COM");
    }

    @Test
    void sightingsShowOnlyMaskedExcerpts() throws Exception {
        String md5 = hex("MD5", "13812345678");
        ObservedExchange x = Exchanges.get("https://api.example.com/a?u=" + md5 + "&n=张三丰").build();

        assertThat(matcher.sent(x)).extracting(PersonaSighting::maskedExcerpt)
                .containsExactlyInAnyOrder(md5.substring(0, 6) + "…", "张**");
    }

    /** A persona's ID number and IMEI are masked as the PI scanner masks the same values elsewhere in the report. */
    @Test
    void identifiersAreMaskedAsThePiScannerMasksThem() {
        ObservedExchange x = Exchanges.get("https://api.example.com/a?id=11010519491231002X&imei=356938035643809&m=13812345678").build();
        assertThat(matcher.sent(x)).extracting(PersonaSighting::maskedExcerpt)
                .containsExactlyInAnyOrder("1101**********002X", "35***********09", "138****5678");
    }

    static String hex(String algorithm, String value) throws Exception {
        return HexFormat.of().formatHex(digest(algorithm, value));
    }

    static byte[] digest(String algorithm, String value) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(Base64.Encoder encoder, String value) {
        return encoder.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
