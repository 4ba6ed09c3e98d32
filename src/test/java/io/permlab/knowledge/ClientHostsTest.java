package io.permlab.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat's own hosts (knowledge/wechat-client-hosts.json): what is set apart from a mini-program's traffic, and what is not. */
class ClientHostsTest {
    private final ClientHosts wechat = KnowledgeBase.builtIn().wechatClient();

    @Test
    void weChatsConnectionsAndResourcesAreWeChatsOwn() {
        assertThat(wechat.packageName()).isEqualTo("com.tencent.mm");
        assertThat(wechat.owns("long.weixin.qq.com")).isTrue();
        assertThat(wechat.owns("DNS.weixin.qq.com")).isTrue();
        assertThat(wechat.owns("res.wx.qq.com")).isTrue();
        assertThat(wechat.owns("weixin.qq.com")).isTrue();
    }

    @Test
    void recipientsAProgramChoosesAreNotSetApart() {
        assertThat(wechat.owns("apis.map.qq.com")).as("Tencent's location service, chosen by the program").isFalse();
        assertThat(wechat.owns("qq.com")).isFalse();
        assertThat(wechat.owns("notweixin.qq.com")).as("a suffix that is not a subdomain").isFalse();
        assertThat(wechat.owns("weixin.qq.com.example.com")).isFalse();
        assertThat(wechat.owns("mmbiz.qpic.cn")).isFalse();
        assertThat(wechat.owns("api.example.com")).isFalse();
    }

    @Test
    void anOverrideWithoutHostsOrWithABadOneIsRefusedNamingTheFileAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ClientHosts.WECHAT_FILE), "{\"package\": \"com.tencent.mm\", \"hosts\": []}");
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .hasMessageContaining(ClientHosts.WECHAT_FILE).hasMessageContaining("hosts");
        Files.writeString(dir.resolve(ClientHosts.WECHAT_FILE), "{\"package\": \"com.tencent.mm\", \"hosts\": [\"https://weixin.qq.com/\"]}");
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .hasMessageContaining(ClientHosts.WECHAT_FILE).hasMessageContaining("not a lower-case host name");
    }
}
