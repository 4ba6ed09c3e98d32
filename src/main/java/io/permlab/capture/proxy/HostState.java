package io.permlab.capture.proxy;

/** What the proxy saw of one host. */
public enum HostState {
    /** At least one request to the host was read. */
    VISIBLE("traffic visible"),
    /** The client broke off the TLS handshake: it does not trust the lab CA for this host (pinning, user CAs not trusted). */
    REFUSED_BY_CLIENT("TLS handshake refused by the client"),
    /** The handshake completed, then the client closed without a request: typically a pin checked after the handshake. */
    NO_REQUEST_AFTER_HANDSHAKE("TLS handshake completed but the client sent no request (certificate pinning?)"),
    /** The proxy could not connect to the server or did not trust its certificate. */
    UNREACHABLE("the proxy could not reach or verify the server");

    private final String text;

    HostState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
