package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A response carried PI in full that the page showed only masked (138****5678) or not at all: more than the function
 * needs, readable by anyone who looks at the traffic (PIPL 第六条 minimum necessary, 第五十一条 security measures).
 */
public final class PiOverexposedResponseRule extends ResponseExposureRule {
    @Override
    public String id() {
        return "DYN-PI-OVEREXPOSED-RESPONSE";
    }

    @Override
    Set<ResponseExposure.Kind> kinds() {
        return EnumSet.of(ResponseExposure.Kind.SHOWN_MASKED, ResponseExposure.Kind.NOT_SHOWN);
    }

    @Override
    void describe(Violation v, List<ResponseExposure> found, RuleContext ctx) {
        boolean masked = found.stream().anyMatch(e -> e.kind() == ResponseExposure.Kind.SHOWN_MASKED);
        v.arg("shown", ctx.text(this, masked ? "shownMasked" : "notShown").text());
    }
}
