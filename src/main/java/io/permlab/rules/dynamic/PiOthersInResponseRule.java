package io.permlab.rules.dynamic;

import io.permlab.model.dynamic.ResponseExposure;

import java.util.EnumSet;
import java.util.Set;

/**
 * A response carried other people's PI — phone numbers, ID numbers, e-mail addresses or addresses that are not the
 * declared test persona's — that the page did not show in full (a list of other customers' orders, say). Judged only
 * when a persona is declared: without one, whose a value is cannot be told (PIPL 第六条, 第五十一条).
 */
public final class PiOthersInResponseRule extends ResponseExposureRule {
    @Override
    public String id() {
        return "DYN-PI-OTHERS-IN-RESPONSE";
    }

    @Override
    Set<ResponseExposure.Kind> kinds() {
        return EnumSet.of(ResponseExposure.Kind.OTHERS);
    }
}
