package io.permlab.capture.proxy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as a CONNECT or a Host header gives them: "api.example.com:443", "[::1]:8443", "10.0.2.2". */
final class Hosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Hosts() {
    }

    /** The host of "host:port" (or of a bare host), lower-cased, IPv6 brackets removed. */
    static String host(String authority) {
        if (authority == null) {
            return "";
        }
        String a = authority.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return (end < 0 ? a.substring(1) : a.substring(1, end)).toLowerCase(Locale.ROOT);
        }
        int colon = a.lastIndexOf(':');
        if (colon >= 0 && a.indexOf(':') == colon) {
            a = a.substring(0, colon);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /** The port of "host:port", or {@code fallback}. */
    static int port(String authority, int fallback) {
        if (authority == null) {
            return fallback;
        }
        int colon = authority.lastIndexOf(':');
        int bracket = authority.lastIndexOf(']');
        if (colon < 0 || colon < bracket || (bracket < 0 && authority.indexOf(':') != colon)) {
            return fallback;
        }
        try {
            return Integer.parseInt(authority.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** "host" for the default port of the scheme, "host:port" otherwise; IPv6 in brackets, as URLs write them. */
    static String authority(String host, int port, int defaultPort) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == defaultPort || port <= 0 ? h : h + ":" + port;
    }
}
