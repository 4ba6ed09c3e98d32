package io.permlab.report.html;

import io.permlab.model.Localized;

import java.util.List;

/** A finding as the page shows it; {@code remediation} is null only for a rule missing from the knowledge base. */
public record FindingView(String anchor, String ruleId, String severity, Localized severityLabel, Localized title,
                          Localized message, List<LegalView> legalBasis, Localized remediation,
                          List<PointerView> evidence, String fingerprint) {

    /** {@code citation} is the Chinese citation, which groups findings by clause; {@code cited} is what each view shows. */
    public record LegalView(String citation, Localized cited, Localized sourceName) {
    }

    /**
     * An evidence pointer with every part present (empty when unknown), the excerpt shown verbatim in {@code <code>};
     * {@code image} is the screenshot it points at, embedded, or null.
     */
    public record PointerView(String kind, String location, String symbol, String excerpt, String image) {
    }
}
