package io.permlab.rules.miniprogram;

import io.permlab.model.miniprogram.Endpoint;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cleartext http:// addresses in a mini-program's code — request/uploadFile/downloadFile URLs and URL literals — one
 * finding per host (PIPL 第五十一条; WeChat only allows https request domains). XML namespaces, loopback and example
 * hosts are not endpoints.
 */
public final class HttpEndpointRule extends MiniProgramRule {
    private static final List<String> NOT_ENDPOINTS = List.of("http://www.w3.org/", "http://localhost", "http://127.0.0.1",
            "http://schemas.", "http://example.com", "http://www.example.com", "http://purl.org/", "http://ns.adobe.com/");

    @Override
    public String id() {
        return "MP-HTTP-ENDPOINT";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        Map<String, List<Endpoint>> byHost = new LinkedHashMap<>();
        for (Endpoint e : mp.endpoints()) {
            String lower = e.url().toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") && NOT_ENDPOINTS.stream().noneMatch(lower::startsWith)) {
                byHost.computeIfAbsent(host(e.url()), h -> new ArrayList<>()).add(e);
            }
        }
        byHost.forEach((host, endpoints) -> {
            Endpoint first = endpoints.get(0);
            Violation v = Violation.of(this)
                    .arg("where", first.at().file())
                    .arg("url", first.url() + (endpoints.size() > 1 ? " (+" + (endpoints.size() - 1) + ")" : ""))
                    .key(host);
            endpoints.stream().limit(FIRST * 2).forEach(e -> v.at(Pointers.at("code", e.at(), e.owner() + " › " + e.via())));
            ctx.report(v);
        });
    }

    /** The host of "http://host:port/path?q", up to the first '/', '?', '#' or placeholder. */
    static String host(String url) {
        String rest = url.substring("http://".length());
        int end = rest.length();
        for (char c : new char[]{'/', '?', '#', '$'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
