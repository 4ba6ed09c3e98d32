package io.permlab.rules.dynamic;

import io.permlab.knowledge.Category;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * Coordinates precise to about 10 m (4+ decimals) sent by an app whose category does not need precise location:
 * two decimals (about 1 km) or the address would serve (认定方法 四.1, PIPL Art. 6 minimum necessary). Only the phone's
 * position counts: coordinates whose origin the session traced to a place the user picked, the fuzzy position or the
 * program's own data are not judged; coordinates of unknown origin (a browser's traffic) are.
 */
public final class PreciseCoordinatesSentRule extends TrafficRule {
    @Override
    public String id() {
        return "DYN-PRECISE-COORDS-SENT";
    }

    @Override
    void check(Exploration exploration, FunctionExploration function, Run run, NetworkExchange x, SeenIn leaks, RuleContext ctx) {
        Category category = ctx.category();
        x.piSent().stream().filter(s -> states(category, s)).findFirst().ifPresent(s ->
                leaks.add(x.host() + ":" + endpointKey(x.url()), function, run, () -> ctx.unlessNecessaryInSomeServices(this, Violation.of(this)
                        .arg("host", x.host())
                        .arg("decimals", s.decimals())
                        .arg("precision", precision(s.decimals()))
                        .arg("where", s.where() + "=" + s.maskedValue())
                        .arg("inUrl", PiInUrlRule.inUrl(s) ? ctx.text(this, "inUrl").text() : null)
                        .arg("category", category.label()), List.of("location_precise")),
                        exchange(run, x, s.where() + "=" + s.maskedValue())));
    }

    /**
     * Whether this rule states the sighting: the phone's precise position sent where the category needs none. Such
     * coordinates in a URL are this rule's evidence (its message says they travelled in the URL), so DYN-PI-IN-URL
     * leaves them out and a request states each fact once; coordinates this rule does not state (a category that
     * needs them, a place the user picked, no category given) stay DYN-PI-IN-URL's.
     */
    static boolean states(Category category, PiSighting s) {
        return category != null && !needs(category, List.of("location_precise"))
                && "COORDINATES".equals(s.type()) && s.precise() && s.mayBeDevicePosition();
    }

    /** A degree of latitude is about 111 km: n decimals place a point within 111 km / 10^n. */
    static String precision(int decimals) {
        double metres = 111_000 / Math.pow(10, decimals);
        return metres >= 1000 ? Math.round(metres / 1000) + " km" : Math.max(1, Math.round(metres)) + " m";
    }
}
