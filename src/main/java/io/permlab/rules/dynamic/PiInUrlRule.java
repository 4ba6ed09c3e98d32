package io.permlab.rules.dynamic;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * PI a page put in the URL of a request, its path or its query (PIPL Art. 51): URLs are kept in server, proxy and
 * log records. The dynamic counterpart of MP-PI-IN-URL, for every kind of run. Rounded
 * coordinates are not counted, nor precise ones DYN-PRECISE-COORDS-SENT states (its finding says they were in the
 * URL): each fact of a request is reported once. Over cleartext HTTP the finding is high. One finding per endpoint, naming the functions that sent it.
 */
public final class PiInUrlRule extends TrafficRule {
    @Override
    public String id() {
        return "DYN-PI-IN-URL";
    }

    /** Whether the sighting is in a request's URL, its path or its query. */
    static boolean inUrl(PiSighting s) {
        return s.where().startsWith("url query") || s.where().startsWith("url path");
    }

    @Override
    void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange x, SeenIn leaks, RuleContext ctx) {
        List<PiSighting> inUrl = x.piSent().stream()
                .filter(s -> inUrl(s) && s.precise() && !PreciseCoordinatesSentRule.states(ctx.category(), s)).toList();
        if (inUrl.isEmpty()) {
            return;
        }
        leaks.add(x.method() + " " + endpointKey(x.url()), function, run, () -> Violation.of(this)
                .arg("method", x.method())
                .arg("url", PiDetector.mask(PiCleartextRule.withoutQuery(x.url())))
                .arg("pi", piOf(ctx.knowledge(), inUrl))
                .arg("where", where(inUrl))
                .arg("transport", x.cleartext() ? ctx.text(this, "overCleartextHttp").text() : null)
                .severity(x.cleartext() ? Severity.HIGH : null), exchange(run, x, where(inUrl)));
    }
}
