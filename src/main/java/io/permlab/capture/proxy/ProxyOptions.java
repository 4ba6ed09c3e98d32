package io.permlab.capture.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the proxy listens, which servers it trusts, and how much of each body it keeps. The default listens on the
 * loopback only: a USB or emulator device reaches it through {@code adb reverse}; a device on Wi-Fi needs a LAN
 * address, which opens the proxy to that network for the length of the run. {@code allowedHosts} empty: every host.
 */
public record ProxyOptions(InetSocketAddress listen, UpstreamTrust upstream, int maxBodyBytes, Set<String> allowedHosts) {
    /** Bodies above this are cut, with a note: enough for any API call, bounded for uploads and media. */
    public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

    public ProxyOptions {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the proxy may connect to {@code host} on a client's behalf; every host when no list was given. */
    public boolean allows(String host) {
        return allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** 127.0.0.1 on a free port, the JDK's CAs upstream, 2 MiB per body. */
    public static ProxyOptions loopback() {
        return new ProxyOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), UpstreamTrust.system(), DEFAULT_MAX_BODY_BYTES, Set.of());
    }

    public ProxyOptions listeningOn(InetSocketAddress address) {
        return new ProxyOptions(address, upstream, maxBodyBytes, allowedHosts);
    }

    public ProxyOptions trusting(UpstreamTrust trust) {
        return new ProxyOptions(listen, trust, maxBodyBytes, allowedHosts);
    }

    /**
     * Forwards only to these hosts; any other is answered 403 by the proxy itself, never contacted, and left out of the
     * recording. For closed networks and tests, where a browser's own background calls must not leave the machine.
     */
    public ProxyOptions onlyTo(String... hosts) {
        return new ProxyOptions(listen, upstream, maxBodyBytes, Set.of(hosts));
    }

    public ProxyOptions withMaxBodyBytes(int bytes) {
        return new ProxyOptions(listen, upstream, bytes, allowedHosts);
    }
}
