package io.permlab.capture.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where the proxy listens, which servers it trusts, and how much of each body it keeps. The default listens on the
 * loopback only: a USB or emulator device reaches it through {@code adb reverse}; a device on Wi-Fi needs a LAN
 * address, which opens the proxy to that network for the length of the run.
 */
public record ProxyOptions(InetSocketAddress listen, UpstreamTrust upstream, int maxBodyBytes) {
    /** Bodies above this are cut, with a note: enough for any API call, bounded for uploads and media. */
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

    public ProxyOptions {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
    }

    /** 127.0.0.1 on a free port, the JDK's CAs upstream, 2 MiB per body. */
    public static ProxyOptions loopback() {
        return new ProxyOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), UpstreamTrust.system(), DEFAULT_MAX_BODY_BYTES);
    }

    public ProxyOptions listeningOn(InetSocketAddress address) {
        return new ProxyOptions(address, upstream, maxBodyBytes);
    }

    public ProxyOptions trusting(UpstreamTrust trust) {
        return new ProxyOptions(listen, trust, maxBodyBytes);
    }

    public ProxyOptions withMaxBodyBytes(int bytes) {
        return new ProxyOptions(listen, upstream, bytes);
    }
}
