package io.permlab.pipeline.dynamic;

import io.permlab.pipeline.HostNames;
import io.permlab.model.H5Site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a flow may open: http(s) pages of the target's own hosts (the entry's, {@code ownHosts}, the served ones) and
 * of the hosts its target.json adds in {@code allowHosts}. A flow is checked before any browser starts, so a typo or
 * a hostile flow cannot point the browser at a local file (file:, data:, chrome:, javascript:) or at a service of
 * the machine running PermLab and save what it shows in the run's evidence.
 */
final class FlowScope {
    private final URI entry;
    private final Set<String> served = new LinkedHashSet<>();
    private final List<String> listed = new ArrayList<>();

    private FlowScope(URI entry) {
        this.entry = entry;
    }

    static FlowScope of(H5Site d) {
        FlowScope scope = new FlowScope(URI.create(d.entry()));
        scope.served.add(scope.entry.getHost().toLowerCase(Locale.ROOT));
        d.serve().forEach(s -> scope.served.add(s.host().toLowerCase(Locale.ROOT)));
        d.ownHosts().forEach(h -> scope.listed.add(h.toLowerCase(Locale.ROOT)));
        scope.listed.addAll(d.allowHosts());
        return scope;
    }

    /** Why {@code url} may not be opened; null when it may. */
    String problem(String url) {
        URI resolved;
        try {
            resolved = url == null ? entry : entry.resolve(new URI(url));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "not a URL: '" + url + "'";
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "'" + url + "' is a " + scheme + ": URL; a flow opens only http(s) pages of the target";
        }
        String host = resolved.getHost();
        if (host == null || host.isEmpty()) {
            return "'" + url + "' names no host";
        }
        if (served.contains(host.toLowerCase(Locale.ROOT)) || listed.stream().anyMatch(h -> HostNames.within(host, h))) {
            return null;
        }
        return "host " + host + " is not the target's (" + String.join(", ", allHosts())
                + "); list it in allowHosts of target.json if the flow must open it";
    }

    private Set<String> allHosts() {
        Set<String> all = new LinkedHashSet<>(served);
        all.addAll(listed);
        return all;
    }
}
