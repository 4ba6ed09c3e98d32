package io.permlab.knowledge.pi;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PI inside base64 and base64url tokens: found with the same detector, masked so the token no longer decodes to it. */
class PiDetectorBase64Test {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        return new String(Base64.getMimeDecoder().decode(token.replace('-', '+').replace('_', '/')), StandardCharsets.UTF_8);
    }

    @Test
    void aWholeValueThatIsBase64OfTextWithPiIsFoundAsThatPi() {
        String token = b64("{\"m\":\"13712345678\",\"mail\":\"zhang.san@example.com\"}");

        List<PiMatch> found = PiDetector.find(token);

        assertThat(found).extracting(PiMatch::type).containsExactly(PiType.MOBILE_PHONE);
        assertThat(found.get(0).encoded()).isNotNull();
        assertThat(found.get(0).encoded().inner()).extracting(PiMatch::type).containsExactly(PiType.MOBILE_PHONE, PiType.EMAIL);
        assertThat(found.get(0).start()).isZero();
        assertThat(found.get(0).end()).isEqualTo(token.length());
    }

    @Test
    void theMaskedTokenDecodesToTheMaskedText() {
        String json = "{\"m\":\"13712345678\"}";
        for (String token : new String[] {b64(json), b64url(json), b64url("phone=13712345678&lat=31.230416,121.473701")}) {
            String masked = PiDetector.mask(token);

            assertThat(masked).as(token).isNotEqualTo(token);
            assertThat(decode(masked)).as(token).doesNotContain("13712345678").contains("137****5678");
        }
    }

    @Test
    void paddedTokensInsideTextAreFoundToo() {
        String token = b64("{\"m\":\"13712345678\"}");
        assertThat(token).endsWith("=");

        String masked = PiDetector.mask("GET /api/px?d=" + token + " sent");

        assertThat(PiDetector.find("GET /api/px?d=" + token + " sent")).extracting(PiMatch::type).containsExactly(PiType.MOBILE_PHONE);
        assertThat(masked).startsWith("GET /api/px?d=").endsWith(" sent").doesNotContain(token);
        assertThat(decode(masked.substring("GET /api/px?d=".length(), masked.length() - " sent".length()))).contains("137****5678");
    }

    @Test
    void percentEncodedTextInsideTheTokenIsDecodedBeforeScanning() {
        String token = b64(URLEncoder.encode("{\"m\":\"13712345678\"}", StandardCharsets.UTF_8));

        assertThat(PiDetector.find(token)).extracting(PiMatch::type).containsExactly(PiType.MOBILE_PHONE);
        assertThat(decode(PiDetector.mask(token))).doesNotContain("13712345678");
    }

    @Test
    void tokensThatAreNotBase64OfTextOrHoldNoPiAreLeftAlone() {
        assertThat(PiDetector.find(b64("{\"page\":2,\"size\":20,\"sort\":\"desc\"}"))).as("text without PI").isEmpty();
        assertThat(PiDetector.find("d41d8cd98f00b204e9800998ecf8427e")).as("an MD5 in hex").isEmpty();
        assertThat(PiDetector.find(Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'})))
                .as("binary").isEmpty();
        assertThat(PiDetector.find("someVeryLongCamelCaseIdentifierName")).isEmpty();
        String big = b64("x".repeat(20_000) + "13712345678");
        assertThat(PiDetector.find(big)).as("beyond the bounded size").isEmpty();
    }
}
