package io.permlab.capture.proxy;

import io.permlab.model.Lang;
import io.permlab.model.Localized;

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

    /** "traffic not visible: api.example.com (TLS handshake refused by the client)", in both report languages. */
    public Localized summary() {
        int n = hosts.size();
        return switch (verdict) {
            case VISIBLE -> new Localized("流量可见（" + n + " 个主机）", "traffic visible (" + n + " host" + (n == 1 ? "" : "s") + ")");
            case NO_TRAFFIC -> new Localized("流量不可见：代理未收到任何流量（应用无流量，或绕过了代理设置）",
                    "traffic not visible: nothing reached the proxy (no traffic, or the app bypassed the proxy setting)");
            case NOT_VISIBLE, PARTLY_VISIBLE -> new Localized(
                    (verdict == Visibility.NOT_VISIBLE ? "流量不可见：" : "流量部分可见；不可见的主机：") + notVisibleHosts(Lang.ZH),
                    (verdict == Visibility.NOT_VISIBLE ? "traffic not visible: " : "traffic partly visible; not visible: ")
                            + notVisibleHosts(Lang.EN));
        };
    }

    private String notVisibleHosts(Lang lang) {
        return notVisible().stream().map(h -> lang == Lang.ZH ? h.host() + "（" + h.state().label().zh() + "）"
                        : h.host() + " (" + h.state().label().en() + ")")
                .collect(Collectors.joining(lang == Lang.ZH ? "，" : ", "));
    }
}
