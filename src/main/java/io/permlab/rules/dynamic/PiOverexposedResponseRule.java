package io.permlab.rules.dynamic;

import io.permlab.knowledge.pi.PiType;
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

    /**
     * "shows it only masked" or "does not show it at all" when every value is one case; when both occur, which PI kind
     * is which: "shows phone number only masked and does not show identity document number at all".
     */
    @Override
    void describe(Violation v, List<ResponseExposure> found, RuleContext ctx) {
        List<String> masked = piKinds(found, ResponseExposure.Kind.SHOWN_MASKED);
        List<String> hidden = piKinds(found, ResponseExposure.Kind.NOT_SHOWN).stream().filter(k -> !masked.contains(k)).toList();
        if (hidden.isEmpty() || masked.isEmpty()) {
            v.arg("shown", ctx.text(this, masked.isEmpty() ? "notShown" : "shownMasked").text());
            return;
        }
        v.arg("shown", ctx.text(this, "shownMaskedAndNot").with("masked", ctx.knowledge().piLabels(masked))
                .with("hidden", ctx.knowledge().piLabels(hidden)).text());
    }

    private static List<String> piKinds(List<ResponseExposure> found, ResponseExposure.Kind kind) {
        return found.stream().filter(e -> e.kind() == kind).map(e -> PiType.valueOf(e.type()).piKind()).distinct().toList();
    }
}
