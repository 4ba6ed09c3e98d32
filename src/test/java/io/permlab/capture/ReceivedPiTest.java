package io.permlab.capture;

import io.permlab.model.dynamic.PiSighting;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** PI that comes back: over-broad API responses (docs/rulebase.md, founding case row 3), pages, scripts, cookies set by the server. */
class ReceivedPiTest {

    @Test
    void otherPeoplesPhoneNumbersInAListAreEachPlaced() {
        StringBuilder json = new StringBuilder("{\"code\":0,\"data\":[");
        for (int i = 0; i < 5; i++) {
            json.append(i == 0 ? "" : ",").append("{\"customerId\":").append(90001 + i)
                    .append(",\"name\":\"客户").append(i).append("\",\"mobile\":\"1381234567").append(i)
                    .append("\",\"region\":\"浦东\",\"lastVisit\":").append(1732780800000L + i).append('}');
        }
        json.append("],\"total\":5}");
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://crm.example.cn/api/customers?region=all")
                .response("application/json", json.toString()).build());
        assertThat(found).hasSize(5).allSatisfy(s -> assertThat(s.type()).isEqualTo("MOBILE_PHONE"));
        assertThat(found.get(3).where()).isEqualTo("response $.data[3].mobile");
        assertThat(found.get(3).maskedValue()).isEqualTo("138****5673");
    }

    @Test
    void geoJsonAndLocationArraysAreCoordinates() {
        String json = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[121.473701,31.230416]},
                 "properties":{"store":"人民广场店","center":[121.47,31.23],"ratings":[4.85,4.92]}}
                """;
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://lbs.example.cn/store/1").response("application/geo+json", json).build());
        assertThat(found).extracting(PiSighting::where, PiSighting::decimals, PiSighting::maskedValue).containsExactlyInAnyOrder(
                tuple("response $.geometry.coordinates", 6, "31.23****,121.47****"),
                tuple("response $.properties.center", 2, "31.23,121.47"));
    }

    @Test
    void htmlWithChineseTextAroundValues() {
        String html = """
                <html><head><title>订单详情</title></head><body>
                <div class="receiver">收货人：张三　电话：13812345678（工作日可联系）</div>
                <p>身份证号码：11010519491231002X，车牌：沪A12345。</p>
                <p>客服热线 400-820-8820，邮箱 service@example.cn</p>
                <script>var price=128.50,ts=1732780800000,v="3.12.0";</script>
                </body></html>
                """;
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://m.example.cn/order/1").response("text/html; charset=utf-8", html).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::maskedValue).containsExactly(
                tuple("MOBILE_PHONE", "138****5678"),
                tuple("RESIDENT_ID", "1101**********002X"),
                tuple("LICENSE_PLATE", "沪A****5"),
                tuple("EMAIL", "s***@example.cn"));
        assertThat(found.get(0).where()).isEqualTo("response text at " + html.indexOf("13812345678"));
    }

    @Test
    void jsonEmbeddedInAPageIsReadWithItsNames() {
        String state = "{\"user\":{\"mobile\":\"13812345678\",\"lat\":31.230416,\"lng\":121.473701},"
                + "\"experiments\":{\"newCart\":{\"expId\":\"4111111111111111\",\"bucket\":13912345678}}}";
        String html = "<html><body><p>热线 13712345678</p><script>window.__INITIAL_STATE__=" + state + ";</script></body></html>";
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://m.example.cn/").response("text/html", html).build());
        int at = html.indexOf('{');
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "response text at " + html.indexOf("137")),
                tuple("MOBILE_PHONE", "response json at " + at + " $.user.mobile"),
                tuple("COORDINATES", "response json at " + at + " $.user.lat+$.user.lng"));
    }

    @Test
    void scriptsWithoutPiStayQuiet() {
        String js = "!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};"
                + "return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t,n.d=function(e,t,r){n.o(e,t)||"
                + "Object.defineProperty(e,t,{enumerable:!0,get:r})};var a=\"cubic-bezier(0.25, 0.1, 0.25, 1)\",b=[1.5,2.25],"
                + "c=1732780800000,d=\"2024-11-28T12:30:45.123Z\",f=\"@babel/runtime@7.26.0\",g=0x7fffffff,h=\"550e8400-e29b-41d4-a716-446655440000\"}([]);";
        assertThat(PiScanner.received(Exchanges.get("https://static.example.cn/app.3f2a1b.js").response("application/javascript", js).build())).isEmpty();
    }

    @Test
    void setCookieAndHeadersAreRead() {
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://api.example.cn/login")
                .responseHeader("Set-Cookie", "uid=13812345678; Path=/; HttpOnly\nsid=abc; Path=/")
                .responseHeader("X-Member-Mobile", "13912345678")
                .responseHeader("Date", "Thu, 28 Nov 2026 08:00:00 GMT")
                .response("application/json", "{\"ok\":true}").build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "response cookie uid"),
                tuple("MOBILE_PHONE", "response header X-Member-Mobile"));
    }

    @Test
    void textualBase64BodiesAreDecodedAndBinaryOnesSkipped() {
        String json = Base64.getEncoder().encodeToString("{\"phone\":\"13812345678\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(PiScanner.received(Exchanges.get("https://api.example.cn/a").response("application/json", json).base64().build()))
                .extracting(PiSighting::where).containsExactly("response $.phone");
        String png = Base64.getEncoder().encodeToString("13812345678".getBytes(StandardCharsets.UTF_8));
        assertThat(PiScanner.received(Exchanges.get("https://api.example.cn/a.png").response("image/png", png).base64().build())).isEmpty();
        assertThat(PiScanner.received(Exchanges.get("https://api.example.cn/a.css").response("text/css", ".a{top:13812345678px}").build())).isEmpty();
    }

    @Test
    void escapedJsonInsideAStringIsWalked() {
        String json = "{\"code\":0,\"data\":\"{\\\"user\\\":{\\\"mobile\\\":\\\"13812345678\\\",\\\"lat\\\":31.230416,\\\"lng\\\":121.473701}}\"}";
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://api.example.cn/u").response("application/json", json).build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactlyInAnyOrder(
                tuple("MOBILE_PHONE", "response $.data.user.mobile"),
                tuple("COORDINATES", "response $.data.user.lat+$.data.user.lng"));
    }

    @Test
    void truncatedJsonKeepsWhatWasWalkedAndScansTheRestAsText() {
        String json = "{\"list\":[{\"mobile\":\"13812345678\"},{\"mobile\":\"13912345678\"},{\"note\":\"call 13712345";
        String cut = json + "678 asap";
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://api.example.cn/l").response("application/json", cut).build());
        assertThat(found).extracting(PiSighting::where).containsExactly(
                "response $.list[0].mobile", "response $.list[1].mobile", "response text at " + json.indexOf("13712345"));
    }

    @Test
    void phoneNumbersAsMapKeysAreFound() {
        List<PiSighting> found = PiScanner.received(Exchanges.get("https://api.example.cn/m")
                .response("application/json", "{\"byPhone\":{\"13812345678\":{\"points\":120}}}").build());
        assertThat(found).extracting(PiSighting::type, PiSighting::where).containsExactly(tuple("MOBILE_PHONE", "response $.byPhone key"));
    }

    @Test
    void failedRequestsReceivedNothing() {
        assertThat(PiScanner.received(Exchanges.get("https://api.example.cn/x?phone=13812345678").failed("net::ERR_CONNECTION_REFUSED").build())).isEmpty();
        assertThat(PiScanner.sent(Exchanges.get("https://api.example.cn/x?phone=13812345678").failed("net::ERR_CONNECTION_REFUSED").build()))
                .as("what was sent is still evidence").hasSize(1);
    }
}
