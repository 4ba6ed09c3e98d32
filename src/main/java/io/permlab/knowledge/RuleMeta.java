package io.permlab.knowledge;

import io.permlab.model.LegalRef;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.Stage;

import java.util.List;

/**
 * A rule's name, severity, stage, legal basis and message templates (rules.json);
 * the rule class only decides.
 */
public record RuleMeta(String id, String kind, Severity severity, Stage stage, Localized title,
                       List<LegalRef> legalBasis, Localized message, Localized remediation) {
    public RuleMeta {
        legalBasis = List.copyOf(legalBasis);
    }
}
