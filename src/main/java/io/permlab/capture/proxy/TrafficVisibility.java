package io.permlab.capture.proxy;

import java.util.List;
import java.util.stream.Collectors;

/** The verdict over every host a client reached through the proxy, with the hosts behind it. */
public record TrafficVisibility(Visibility verdict, List<HostVisibility> hosts) {
    public TrafficVisibility {
        hosts = List.copyOf(hosts);
    }

    static TrafficVisibility of(List<HostVisibility> hosts) {
        long visible = hosts.stream().filter(HostVisibility::visible).count();
        Visibility verdict = hosts.isEmpty() ? Visibility.NO_TRAFFIC
                : visible == hosts.size() ? Visibility.VISIBLE
                : visible == 0 ? Visibility.NOT_VISIBLE
                : Visibility.PARTLY_VISIBLE;
        return new TrafficVisibility(verdict, hosts);
    }

    /** The verdict over the hosts {@code excluded} does not take (another app's own hosts), as if only they were reached. */
    public TrafficVisibility without(java.util.function.Predicate<String> excluded) {
        return of(hosts.stream().filter(h -> !excluded.test(h.host())).toList());
    }

    public List<HostVisibility> notVisible() {
        return hosts.stream().filter(h -> !h.visible()).toList();
    }

    /** "traffic not visible: api.example.com (TLS handshake refused by the client)"; empty when all was read. */
    public String summary() {
        return switch (verdict) {
            case VISIBLE -> "traffic visible (" + hosts.size() + " host" + (hosts.size() == 1 ? "" : "s") + ")";
            case NO_TRAFFIC -> "traffic not visible: nothing reached the proxy (no traffic, or the app bypassed the proxy setting)";
            case NOT_VISIBLE, PARTLY_VISIBLE -> (verdict == Visibility.NOT_VISIBLE ? "traffic not visible: " : "traffic partly visible; not visible: ")
                    + notVisible().stream().map(h -> h.host() + " (" + h.state().text() + ")").collect(Collectors.joining(", "));
        };
    }
}
