package io.permlab.inspect.miniprogram.secrets;

import io.permlab.model.miniprogram.ExposedSecret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes and their boundaries: exact lengths, the name a value goes by, and how near the app id must be. */
class SecretScannerTest {
    private static final String HEX32 = "0123456789abcdef0123456789abcdef";

    private static List<String> kinds(String text) {
        return SecretScanner.scan("a.js", text).stream().map(ExposedSecret::kind).toList();
    }

    @Test
    void appSecretIsExactly32HexDigitsUnderItsName() {
        assertThat(kinds("appsecret: '" + HEX32 + "'")).containsExactly("wechat-app-secret");
        assertThat(kinds("AppSecret = \"" + HEX32 + "\"")).containsExactly("wechat-app-secret");
        assertThat(kinds("app_secret: '" + HEX32.substring(1) + "'")).isEmpty(); // 31
        assertThat(kinds("appsecret: '" + HEX32 + "0'")).isEmpty(); // 33
        assertThat(kinds("appsecret: '" + HEX32.replace('a', 'g') + "'")).isEmpty(); // not hex
    }

    @Test
    void aPlainSecretCountsOnlyNextToAnAppId() {
        assertThat(kinds("?appid=wx1234567890abcdef&secret=" + HEX32)).containsExactly("wechat-app-secret");
        assertThat(kinds("secret: '" + HEX32 + "'")).isEmpty();
        String far = "appid: 'wx1234567890abcdef'," + " ".repeat(200) + "secret: '" + HEX32 + "'";
        assertThat(kinds(far)).isEmpty();
    }

    @Test
    void mapKeysByTheirShapes() {
        assertThat(kinds("key: 'OB4BZ-D4W3U-B7VVO-4PJWW-6TKDJ-WPB77'")).containsExactly("tencent-map-key");
        assertThat(kinds("key: 'OB4BZ-D4W3U-B7VVO-4PJWW-6TKDJ'")).isEmpty(); // five groups
        assertThat(kinds("key: 'OB4BZ-D4W3U-B7VVO-4PJWW-6TKDJ-WPB77-AAAAA'")).isEmpty(); // seven
        assertThat(kinds("key: 'XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX'")).isEmpty();
        assertThat(kinds("amapKey: '" + HEX32 + "'")).containsExactly("amap-key");
        assertThat(kinds("https://restapi.amap.com/v3/ip?key=" + HEX32)).containsExactly("amap-key");
        assertThat(kinds("key: '" + HEX32 + "'")).isEmpty(); // a key of no known service
        assertThat(kinds("ak: 'Zx8Q1wErTy6UiOp3AsDfGh5JkLzXcVbN'")).containsExactly("baidu-ak");
        assertThat(kinds("break: 'Zx8Q1wErTy6UiOp3AsDfGh5JkLzXcVbN'")).isEmpty();
    }

    @Test
    void valuesAndExcerptsAreMaskedAndPlaced() {
        ExposedSecret s = SecretScanner.scan("config/keys.js", "module.exports = {\n  appid: 'wx1234567890abcdef', appsecret: '" + HEX32 + "'\n}").get(0);
        assertThat(s.maskedValue()).isEqualTo("0123**************************ef");
        assertThat(s.location().line()).isEqualTo(2);
        assertThat(s.location().column()).isEqualTo(44);
        assertThat(s.location().excerpt()).contains("0123****").doesNotContain(HEX32);
        assertThat(s.location().file()).isEqualTo("config/keys.js");
    }
}
