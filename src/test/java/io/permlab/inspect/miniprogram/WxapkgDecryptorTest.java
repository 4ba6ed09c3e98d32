package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat for PC's package encryption (docs/rulebase.md, WeChat mini-programs), against PermLab's own encrypting packer and a fixed key. */
class WxapkgDecryptorTest {
    private static final String APP_ID = "wx1234567890abcdef";

    private static byte[] plainPackage() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            big.append("wx.getLocation({ type: 'gcj02' }); // line ").append(i).append('\n');
        }
        return WxapkgPacker.pack(Map.of("app.json", "{\"pages\":[\"pages/a/a\"]}".getBytes(StandardCharsets.UTF_8),
                "pages/a/a.js", big.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theKeyIsPbkdf2OfTheAppIdWithSaltiest() throws Exception {
        byte[] key = WxapkgDecryptor.key(APP_ID);
        assertThat(key).hasSize(32);
        // PBKDF2-HMAC-SHA1("wx1234567890abcdef", "saltiest", 1000, 32), computed independently (Python hashlib).
        assertThat(HexFormat.of().formatHex(key)).isEqualTo("50bc1cfddf44b9ff39c8a5de2946f716e3960c26c8a18510f2b863c46c1177fe");
    }

    @Test
    void decryptsWhatTheEncryptingPackerWrote() throws InspectionException {
        byte[] plain = plainPackage();
        byte[] encrypted = WxapkgPacker.encryptForPc(plain, APP_ID);
        assertThat(new String(encrypted, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("V1MMWX");
        assertThat(WxapkgDecryptor.encrypted(encrypted)).isTrue();
        assertThat(WxapkgDecryptor.decrypt("pc.wxapkg", encrypted, APP_ID)).isEqualTo(plain);
    }

    @Test
    void withoutAnAppIdItSaysWhatIsNeeded() {
        byte[] encrypted = WxapkgPacker.encryptForPc(plainPackage(), APP_ID);
        assertThatThrownBy(() -> WxapkgDecryptor.decrypt("pc.wxapkg", encrypted, null))
                .isInstanceOf(InspectionException.class).hasMessageContaining("give the mini-program's app id with --appid");
    }

    @Test
    void aWrongAppIdIsReportedAsSuch() {
        byte[] encrypted = WxapkgPacker.encryptForPc(plainPackage(), APP_ID);
        assertThatThrownBy(() -> WxapkgDecryptor.decrypt("pc.wxapkg", encrypted, "wx0000000000000000"))
                .isInstanceOf(InspectionException.class).hasMessageContaining("wrong --appid");
    }

    @Test
    void aTruncatedEncryptedPackageIsRejected() {
        byte[] shortOne = "V1MMWX and a few bytes".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> WxapkgDecryptor.decrypt("pc.wxapkg", shortOne, APP_ID))
                .isInstanceOf(InspectionException.class).hasMessageContaining("truncated encrypted package");
    }

    @Test
    void theAppIdIsFoundInThePathThePcClientUses() {
        assertThat(WxapkgDecryptor.appIdFromPath(Path.of("/data/Applet/" + APP_ID + "/17/__APP__.wxapkg"))).isEqualTo(APP_ID);
        assertThat(WxapkgDecryptor.appIdFromPath(Path.of("/tmp/packages/__APP__.wxapkg"))).isNull();
    }
}
