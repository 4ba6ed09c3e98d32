package io.permlab.rules.apk;

import io.permlab.model.EvidencePointer;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hard-coded http:// URLs in the app's code, one finding per host with every URL of that host as evidence. */
public final class HttpEndpointRule extends ApkRule {
    @Override
    public String id() {
        return "APK-HTTP-ENDPOINT";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        Map<String, List<HttpEndpoint>> byHost = new LinkedHashMap<>();
        for (HttpEndpoint e : apk.httpEndpoints()) {
            byHost.computeIfAbsent(host(e.url()), h -> new ArrayList<>()).add(e);
        }
        byHost.forEach((host, endpoints) -> {
            HttpEndpoint first = endpoints.get(0);
            Violation v = Violation.of(this)
                    .arg("where", first.where())
                    .arg("url", first.url() + (endpoints.size() > 1 ? " (+" + (endpoints.size() - 1) + ")" : ""))
                    .key(host);
            endpoints.forEach(e -> v.at(pointer(e)));
            ctx.report(v);
        });
    }

    /** "classes2.dex: com.x.Api.login" becomes file classes2.dex, symbol com.x.Api.login. */
    private static EvidencePointer pointer(HttpEndpoint e) {
        int colon = e.where().indexOf(": ");
        return colon < 0 ? EvidencePointer.of("dex", null, e.where(), e.url())
                : EvidencePointer.of("dex", e.where().substring(0, colon), e.where().substring(colon + 2), e.url());
    }

    static String host(String url) {
        try {
            String h = URI.create(url.replace(" ", "%20")).getHost();
            if (h != null) {
                return h.toLowerCase(Locale.ROOT);
            }
        } catch (IllegalArgumentException ignored) {
            // not a well-formed URI: fall back to the text between the scheme and the first slash
        }
        String rest = url.substring("http://".length());
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
    }
}
