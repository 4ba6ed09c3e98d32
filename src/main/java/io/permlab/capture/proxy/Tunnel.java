package io.permlab.capture.proxy;

import io.netty.util.AttributeKey;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client connection that asked for {@code CONNECT host:port} and is being decrypted: the host its requests go to
 * (they name only a path), and whether its TLS handshake completed and any request followed.
 */
final class Tunnel {
    static final AttributeKey<Tunnel> KEY = AttributeKey.valueOf("permlab.tunnel");

    final String host;
    final int port;
    final AtomicInteger requests = new AtomicInteger();
    volatile boolean handshakeDone;

    Tunnel(String host, int port) {
        this.host = host;
        this.port = port;
    }

    String origin() {
        return "https://" + Hosts.authority(host, port, 443);
    }
}
