package io.permlab.rules.miniprogram;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.Endpoint;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal information in the query string of a request (PIPL 第五十一条): parameters named for PI (phone, idcard,
 * lat, lng...) or carrying PI values, in the url of request/uploadFile/downloadFile, and the data of a GET request,
 * which WeChat appends to the URL. Over http:// the finding is high.
 */
public final class PiInUrlRule extends MiniProgramRule {
    private static final Pattern DATA_KEY = Pattern.compile("(?:^\\{|, )([\\w$]+): ");

    @Override
    public String id() {
        return "MP-PI-IN-URL";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        KnowledgeBase kb = ctx.knowledge();
        for (ApiCall c : platformCalls(ctx, mp, a -> "network".equals(a.role()))) {
            String url = c.option("url");
            if (url == null) {
                continue;
            }
            List<String> params = new ArrayList<>();
            Set<String> kinds = new LinkedHashSet<>();
            int q = url.indexOf('?');
            if (q >= 0) {
                for (String pair : url.substring(q + 1).split("#")[0].split("&")) {
                    collect(pair, params, kinds);
                }
            }
            if (c.api().equals("request") && isGet(c.option("method")) && c.option("data") != null) {
                Matcher m = DATA_KEY.matcher(c.option("data"));
                while (m.find()) {
                    collect(m.group(1), params, kinds);
                }
            }
            if (kinds.isEmpty()) {
                continue;
            }
            boolean http = url.toLowerCase(Locale.ROOT).startsWith("http://");
            Endpoint at = urlOf(mp, c);
            Violation v = Violation.of(this)
                    .arg("where", Pointers.where(c))
                    .arg("params", String.join(", ", params))
                    .arg("pi", kb.piLabels(new ArrayList<>(kinds)))
                    .arg("transport", http ? ctx.text(this, "overCleartextHttp").text() : null)
                    .severity(http ? Severity.HIGH : null)
                    .key(c.owner() + "#" + c.function() + "#" + String.join(",", params))
                    .at(Pointers.call(c));
            if (at != null) {
                v.at(Pointers.at("code", at.at(), Pointers.where(c) + " › url"));
            }
            ctx.report(v);
        }
    }

    /** The url argument of a call, where the query string can be read; null when it was not recorded. */
    private static Endpoint urlOf(MiniProgramFacts mp, ApiCall c) {
        return mp.endpoints().stream().filter(e -> e.via().equals(c.api()) && e.at().file().equals(c.at().file())
                && e.at().line() >= c.at().line() && e.url().equals(c.option("url"))).findFirst().orElse(null);
    }

    private static void collect(String pair, List<String> params, Set<String> kinds) {
        Set<String> found = PiNames.kinds(pair);
        if (!found.isEmpty()) {
            int eq = pair.indexOf('=');
            params.add(eq < 0 ? pair : pair.substring(0, eq));
            kinds.addAll(found);
        }
    }

    private static boolean isGet(String method) {
        return method == null || method.equalsIgnoreCase("GET");
    }
}
