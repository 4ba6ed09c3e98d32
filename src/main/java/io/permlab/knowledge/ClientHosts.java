package io.permlab.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * The hosts of an app that hosts the target rather than being it (WeChat for a mini-program: knowledge file
 * wechat-client-hosts.json): traffic to them, or to their subdomains, is the client's own and never judged as the
 * target's.
 */
public record ClientHosts(String packageName, List<String> hosts) {
    public static final String WECHAT_FILE = "wechat-client-hosts.json";

    public ClientHosts {
        hosts = List.copyOf(hosts);
    }

    /** Whether {@code host} is one of the client's hosts or a subdomain of one. */
    public boolean owns(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(listed -> h.equals(listed) || h.endsWith("." + listed));
    }
}
