package io.permlab.pipeline;

import io.permlab.model.WeChatLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** target.json's "wechat" block: how a mini-program is opened inside WeChat on a device; every mistake names its field. */
class TargetDescriptorWeChatTest {
    @TempDir
    Path dir;

    private TargetDescriptor read(String wechat) throws Exception {
        return TargetDescriptor.read(Files.writeString(dir.resolve(TargetDescriptor.FILE),
                "{\"kind\": \"miniprogram\", \"source\": \"mp\", \"wechat\": " + wechat + "}"));
    }

    private void refused(String wechat, String... messageParts) {
        assertThatThrownBy(() -> read(wechat)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void anAppIdAndPathBecomeThePlainTextSchemeAndWeChatIsTheDefaultPackage() throws Exception {
        WeChatLaunch w = read("{\"appId\": \"wx0123456789abcdef\", \"path\": \"pages/address/edit\", \"query\": \"from=permlab&x=1\"}")
                .miniProgram().wechat();
        assertThat(w.wechatPackage()).isEqualTo("com.tencent.mm");
        assertThat(w.url()).isEqualTo("weixin://dl/business/?appid=wx0123456789abcdef&path=pages/address/edit&query=from%3Dpermlab%26x%3D1");
    }

    @Test
    void aGeneratedSchemeIsOpenedAsGiven() throws Exception {
        WeChatLaunch w = read("{\"scheme\": \"weixin://dl/business/?t=AbCd1234Ef\", \"package\": \"com.tencent.mm\"}").miniProgram().wechat();
        assertThat(w.url()).isEqualTo("weixin://dl/business/?t=AbCd1234Ef");
    }

    @Test
    void withoutTheBlockAMiniProgramRunsOnlyInTheRuntime() throws Exception {
        TargetDescriptor d = TargetDescriptor.read(Files.writeString(dir.resolve(TargetDescriptor.FILE),
                "{\"kind\": \"miniprogram\", \"source\": \"mp\"}"));
        assertThat(d.miniProgram().wechat()).isNull();
    }

    @Test
    void mistakesNameTheirField() {
        refused("{\"appId\": \"wx0123\"}", "field 'wechat.appId'", "wx0123");
        // 17 hex digits: one too many
        refused("{\"appId\": \"wx0123456789abcdef0\"}", "field 'wechat.appId'");
        refused("{\"path\": \"pages/index/index\"}", "field 'wechat.appId' is required");
        refused("{\"scheme\": \"https://example.com/\"}", "field 'wechat.scheme'", "weixin://dl/business/?");
        refused("{\"scheme\": \"weixin://dl/business/?t=a'; reboot\"}", "field 'wechat.scheme'", "no spaces or quotes");
        refused("{\"scheme\": \"weixin://dl/business/?t=a\", \"path\": \"pages/a\"}", "field 'wechat.path' cannot go with");
        refused("{\"appId\": \"wx0123456789abcdef\", \"path\": \"/pages/index\"}", "field 'wechat.path'", "no leading slash");
        refused("{\"appId\": \"wx0123456789abcdef\", \"package\": \"wechat\"}", "field 'wechat.package'");
        refused("{\"appId\": \"wx0123456789abcdef\", \"appid\": \"x\"}", "field 'wechat.appid' is unknown");
        refused("{\"appId\": 42}", "field 'wechat.appId' must be a string");
        refused("\"wx0123456789abcdef\"", "field 'wechat' must be an object");
    }

    @Test
    void theBlockIsOnlyForMiniPrograms() throws Exception {
        Path f = Files.writeString(dir.resolve(TargetDescriptor.FILE),
                "{\"kind\": \"apk\", \"apk\": \"a.apk\", \"wechat\": {\"appId\": \"wx0123456789abcdef\"}}");
        assertThatThrownBy(() -> TargetDescriptor.read(f)).hasMessageContaining("field 'wechat' is only for kind miniprogram");
    }
}
