package io.permlab.device.adbproxy;

/**
 * How the device reaches the proxy. {@link #reverse(int)}: the device's own 127.0.0.1:port is forwarded to the
 * workstation's by {@code adb reverse} (USB devices and emulators; the proxy listens on loopback only).
 * {@link #direct(String, int)}: the device connects to host:port over the network (Wi-Fi; the proxy must listen there).
 */
public record ProxyRoute(String host, int port, boolean reverse) {
    public ProxyRoute {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1-65535, was " + port);
        }
        if (!ProxyValues.isSafe(host)) {
            throw new IllegalArgumentException("proxy host '" + host + "' is not a host name or address");
        }
    }

    public static ProxyRoute reverse(int port) {
        return new ProxyRoute("127.0.0.1", port, true);
    }

    public static ProxyRoute direct(String host, int port) {
        return new ProxyRoute(host, port, false);
    }

    /** The value of the device's {@code http_proxy} setting. */
    String setting() {
        return host + ":" + port;
    }
}
