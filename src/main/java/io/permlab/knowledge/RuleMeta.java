package io.permlab.knowledge;

import io.permlab.model.LegalRef;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.Stage;
import io.permlab.model.TargetKind;

import java.util.List;

/**
 * A rule's name, the target kinds it judges, severity, stage, legal basis and message templates (rules.json);
 * the rule class only decides.
 */
public record RuleMeta(String id, String kind, List<TargetKind> targets, Severity severity, Stage stage, Localized title,
                       List<LegalRef> legalBasis, Localized message, Localized remediation) {
    public RuleMeta {
        targets = List.copyOf(targets);
        legalBasis = List.copyOf(legalBasis);
    }

    public boolean appliesTo(TargetKind kind) {
        return targets.contains(kind);
    }
}
