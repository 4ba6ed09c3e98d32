package io.permlab.capture.proxy;

import io.permlab.model.Localized;

/** What the proxy saw of one host, worded in both report languages. */
public enum HostState {
    /** At least one request to the host was read. */
    VISIBLE("流量可见", "traffic visible"),
    /** The client broke off the TLS handshake: it does not trust the lab CA for this host (pinning, user CAs not trusted). */
    REFUSED_BY_CLIENT("客户端拒绝了TLS握手（不信任实验室证书）", "TLS handshake refused by the client (it does not trust the lab CA)"),
    /** The handshake completed, then the client closed without a request: typically a pin checked after the handshake. */
    NO_REQUEST_AFTER_HANDSHAKE("TLS握手完成后客户端未发送请求（疑似证书锁定）",
            "TLS handshake completed but the client sent no request (certificate pinning?)"),
    /** The proxy could not connect to the server or did not trust its certificate. */
    UNREACHABLE("代理无法连接或验证服务器", "the proxy could not reach or verify the server");

    private final Localized label;

    HostState(String zh, String en) {
        this.label = new Localized(zh, en);
    }

    /** The English wording (logs, run problems). */
    public String text() {
        return label.en();
    }

    public Localized label() {
        return label;
    }
}
