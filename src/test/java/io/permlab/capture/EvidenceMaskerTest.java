package io.permlab.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceMaskerTest {
    @Test
    void coordinatesInAUrlAreMaskedByTheirParameterNames() {
        String excerpt = "GET http://analytics.tracker.example/api/collect?did=42185320b8a7949b&lat=31.230416&lng=121.473701&t=1795904725528"
                + " — url query lat+lng=31.23****,121.47****";

        String masked = EvidenceMasker.mask(excerpt);

        assertThat(masked).doesNotContain("31.230416").doesNotContain("121.473701")
                .contains("lat=31.23****").contains("lng=121.47****")
                .startsWith("GET http://analytics.tracker.example/api/collect?did=42185320b8a7949b&")
                .contains("&t=1795904725528").endsWith(" — url query lat+lng=31.23****,121.47****");
    }

    @Test
    void textAroundUrlsAndFragmentsIsMaskedByValue() {
        String masked = EvidenceMasker.mask("联系 13812345678: https://a.example/p?phone=13912345678#to=13712345678 then 'http://b.example/x'.");

        assertThat(masked).isEqualTo("联系 138****5678: https://a.example/p?phone=139****5678#to=137****5678 then 'http://b.example/x'.");
    }

    @Test
    void typedPhonesAreMaskedInEveryFormatTheStorageScanFindsWithoutAName() {
        for (String typed : new String[] {"+86 138 0013 8000", "138 0013 8000", "138-0013-8000", "+86-138-0013-8000", "0086 138 0013 8000"}) {
            String masked = EvidenceMasker.mask("type css=#tel \"" + typed + "\"");

            assertThat(masked).as(typed).doesNotContain("0013").endsWith("8000\"");
        }
    }

    @Test
    void base64QueryValuesArePercentDecodedDecodedAndMaskedSoTheMaskedUrlDoesNotDecodeToThePi() {
        String token = java.util.Base64.getEncoder().encodeToString("{\"m\":\"13712345678\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String sent : new String[] {token, token.replace("=", "%3D"), token.replace("=", "")}) {
            String masked = EvidenceMasker.mask("GET http://risk.example/api/px?d=" + sent + "&v=1 sent");

            assertThat(masked).as(sent).startsWith("GET http://risk.example/api/px?d=").endsWith("&v=1 sent").doesNotContain(token.replace("=", ""));
            String maskedToken = java.net.URLDecoder.decode(masked.substring(masked.indexOf("d=") + 2, masked.indexOf("&v=")), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(new String(java.util.Base64.getDecoder().decode(maskedToken), java.nio.charset.StandardCharsets.UTF_8)).as(sent).isEqualTo("{\"m\":\"137****5678\"}");
        }
    }

    @Test
    void textWithoutPiIsUnchanged() {
        String text = "tap #save (timeout 5000 ms) on http://waimai.example/index.html?from=home";
        assertThat(EvidenceMasker.mask(text)).isEqualTo(text);
        assertThat(EvidenceMasker.mask(null)).isNull();
        assertThat(EvidenceMasker.mask("")).isEmpty();
    }
}
