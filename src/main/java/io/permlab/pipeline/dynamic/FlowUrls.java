package io.permlab.pipeline.dynamic;

import io.permlab.pipeline.site.RunningSites;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * Resolves the URLs a flow opens: a path ("/index.html") is taken relative to the target's entry URL, an absolute URL
 * is used as written; when PermLab serves the target itself, the served host gets its local port.
 */
final class FlowUrls implements UnaryOperator<String> {
    private final URI entry;
    private final RunningSites sites;

    FlowUrls(String entry, RunningSites sites) {
        this.entry = URI.create(entry);
        this.sites = sites;
    }

    @Override
    public String apply(String url) {
        String absolute = url == null ? entry.toString() : entry.resolve(url).toString();
        return sites == null ? absolute : sites.url(absolute);
    }
}
