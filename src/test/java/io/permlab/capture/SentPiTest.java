package io.permlab.capture;

import io.permlab.model.dynamic.PiSighting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** PI a page sends: where it sits in the URL, the headers and the body, and what is not PI there. */
class SentPiTest {
    private static final String ID = Identifiers.residentId("310115", "19900307", "123");

    @Test
    void queryParametersAreDecodedAndNamed() {
        List<PiSighting> found = PiScanner.sent(Exchanges.get(
                "https://api.example.cn/v1/user?phone=13812345678&email=zhang.san%40example.com&note=%E7%94%B5%E8%AF%9D%2013912345678#frag").build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where, PiSighting::maskedValue).containsExactly(
                tuple("MOBILE_PHONE", "url query phone", "138****5678"),
                tuple("EMAIL", "url query email", "z***@example.com"),
                tuple("MOBILE_PHONE", "url query note", "139****5678"));
    }

    @Test
    void pathSegmentsAreScanned() {
        assertThat(PiScanner.sent(Exchanges.get("https://api.example.cn/users/13812345678/orders?page=2").build()))
                .extracting(PiSighting::type, PiSighting::where).containsExactly(tuple("MOBILE_PHONE", "url path"));
        assertThat(PiScanner.sent(Exchanges.get("https://api.example.cn/orders/202411281530001234/items?ts=1732780800000").build()))
                .as("order number and timestamp").isEmpty();
    }

    @Test
    void latitudeAndLongitudeParametersAreOneLocation() {
        List<PiSighting> precise = PiScanner.sent(Exchanges.get("https://lbs.example.cn/nearby?lat=31.230416&lng=121.473701&radius=3000").build());
        assertThat(precise).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("COORDINATES");
            assertThat(s.where()).isEqualTo("url query lat+lng");
            assertThat(s.decimals()).isEqualTo(6);
            assertThat(s.precise()).isTrue();
            assertThat(s.maskedValue()).isEqualTo("31.23****,121.47****");
        });
        List<PiSighting> coarse = PiScanner.sent(Exchanges.get("https://lbs.example.cn/nearby?longitude=121.47&latitude=31.23").build());
        assertThat(coarse).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("url query latitude+longitude");
            assertThat(s.decimals()).isEqualTo(2);
            assertThat(s.precise()).isFalse();
        });
        assertThat(PiScanner.sent(Exchanges.get("https://lbs.example.cn/geo?location=121.473701,31.230416").build()))
                .extracting(PiSighting::type, PiSighting::where, PiSighting::decimals).containsExactly(tuple("COORDINATES", "url query location", 6));
    }

    @Test
    void headersAndCookiesAreNamed() {
        List<PiSighting> found = PiScanner.sent(Exchanges.get("https://api.example.cn/me")
                .header("Authorization", "Bearer 13812345678")
                .header("X-User-Phone", "138 1234 5678")
                .header("X-Device-Imei", "490154203237518")
                .header("Cookie", "sid=8f14e45fceea167a5a36dedd4bea2543; phone=13912345678; u=%7B%22mail%22%3A%22li.si%40example.com%22%7D")
                .header("Referer", "https://shop.example.cn/checkout?mobile=13712345678")
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Chrome/156.0.8078.108 Mobile Safari/537.36")
                .build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "header X-User-Phone"),
                tuple("IMEI", "header X-Device-Imei"),
                tuple("MOBILE_PHONE", "cookie phone"),
                tuple("EMAIL", "cookie u $.mail"),
                tuple("MOBILE_PHONE", "header Referer query mobile"));
    }

    @Test
    void jsonBodiesReportPathsIntoNestedObjectsAndArrays() {
        String body = """
                {"receiver":{"name":"张三","phone":"13812345678","idNo":"%s",
                  "address":{"text":"上海市浦东新区世纪大道100号","lat":31.230416,"lng":121.473701}},
                 "contacts":[{"tel":"13912345678"},{"tel":"13712345678"}],
                 "orderId":"202411281530001234","createdAt":1732780800000,"amount":128.50}
                """.formatted(ID);
        List<PiSighting> found = PiScanner.sent(Exchanges.post("https://api.example.cn/address", "application/json;charset=UTF-8", body).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "body $.receiver.phone"),
                tuple("RESIDENT_ID", "body $.receiver.idNo"),
                tuple("COORDINATES", "body $.receiver.address.lat+$.receiver.address.lng"),
                tuple("MOBILE_PHONE", "body $.contacts[0].tel"),
                tuple("MOBILE_PHONE", "body $.contacts[1].tel"));
        assertThat(found).filteredOn(s -> s.type().equals("RESIDENT_ID")).singleElement()
                .satisfies(s -> assertThat(s.maskedValue()).isEqualTo(ID.substring(0, 4) + "**********" + ID.substring(14)));
    }

    @Test
    void coordinatesAsNumericStringsAndPrefixedNamesPairUp() {
        String body = "{\"route\":{\"fromLat\":\"31.230416\",\"fromLng\":\"121.473701\",\"toLat\":31.2,\"toLng\":121.5}}";
        List<PiSighting> found = PiScanner.sent(Exchanges.post("https://api.example.cn/route", "application/json", body).build());
        assertThat(found).extracting(PiSighting::where, PiSighting::decimals, PiSighting::precise).containsExactlyInAnyOrder(
                tuple("body $.route.fromLat+$.route.fromLng", 6, true),
                tuple("body $.route.toLat+$.route.toLng", 1, false));
    }

    @Test
    void formBodiesAreReadByField() {
        String form = "receiver=%E5%BC%A0%E4%B8%89&mobile=13812345678&lat=31.230416&lon=121.473701&remark=%E9%97%A8%E5%8F%A3";
        List<PiSighting> found = PiScanner.sent(Exchanges.post("https://api.example.cn/address", "application/x-www-form-urlencoded", form).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where, PiSighting::decimals).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "body form mobile", 0),
                tuple("COORDINATES", "body form lat+lon", 6));
    }

    @Test
    void multipartTextPartsAreReadAndFilesSkipped() {
        String body = """
                --XyZ\r
                Content-Disposition: form-data; name="phone"\r
                \r
                13812345678\r
                --XyZ\r
                Content-Disposition: form-data; name="profile"\r
                Content-Type: application/json\r
                \r
                {"email":"wang.wu@example.com","idCard":"%s"}\r
                --XyZ\r
                Content-Disposition: form-data; name="avatar"; filename="a.png"\r
                Content-Type: image/png\r
                \r
                13912345678 (bytes of an image)\r
                --XyZ--\r
                """.formatted(ID);
        List<PiSighting> found = PiScanner.sent(Exchanges.post("https://api.example.cn/profile", "multipart/form-data; boundary=XyZ", body).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "body multipart phone"),
                tuple("EMAIL", "body multipart profile $.email"),
                tuple("RESIDENT_ID", "body multipart profile $.idCard"));
    }

    @Test
    void plainTextBodiesPlaceEachFindByOffset() {
        String text = "用户反馈：请联系我 13812345678，谢谢";
        List<PiSighting> found = PiScanner.sent(Exchanges.post("https://api.example.cn/feedback", "text/plain;charset=UTF-8", text).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where)
                .containsExactly(tuple("MOBILE_PHONE", "body text at " + text.indexOf("138")));
    }

    @Test
    void jsonSentAsTextIsStillReadAsJson() {
        assertThat(PiScanner.sent(Exchanges.post("https://log.example.cn/collect", "text/plain", "{\"u\":{\"mobile\":\"13812345678\"}}").build()))
                .extracting(PiSighting::where).containsExactly("body $.u.mobile");
    }

    @Test
    void ordinaryApiRequestsHaveNoPi() {
        String body = """
                {"orderId":"202411281530001234","orderNo":13812345678,"tradeNo":"4111111111111111","skuIds":[10023,10024],
                 "createdAt":1732780800000,"updateTime":"2024-11-28 15:30:00","price":128.50,"prices":[12.50,13.99],
                 "traceId":"550e8400-e29b-41d4-a716-446655440000","appVersion":"3.12.0","build":20241128,
                 "sign":"8f14e45fceea167a5a36dedd4bea2543","nonce":"1732780800123456","coupon":{"id":6222021234567890,"discount":0.85}}
                """;
        assertThat(PiScanner.sent(Exchanges.post("https://api.example.cn/order/create?t=1732780800000&v=3.12.0", "application/json", body)
                .header("X-Request-Id", "202411281530001234567")
                .header("Cookie", "sid=8f14e45fceea167a5a36dedd4bea2543; lang=zh-CN; _ga=GA1.2.1732780800.1732780800")
                .build())).isEmpty();
    }

    @Test
    void base64ValuesInTheQueryHeadersAndBodyAreDecodedScannedAndMaskedInTheHar() {
        String token = java.util.Base64.getEncoder().encodeToString("{\"m\":\"13712345678\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<PiSighting> found = PiScanner.sent(Exchanges.post("http://risk.example/api/px?d=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                "application/json", "{\"payload\":\"" + token + "\"}").header("X-Data", token).build());

        assertThat(found).extracting(PiSighting::type, PiSighting::where, PiSighting::maskedValue).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "url query d (base64)", "137****5678"),
                tuple("MOBILE_PHONE", "header X-Data (base64)", "137****5678"),
                tuple("MOBILE_PHONE", "body $.payload (base64)", "137****5678"));
    }
}
