package io.permlab.model;

import java.util.List;

/**
 * One problem found on one target: which rule, how serious, which stage of the PI life cycle, the legal clauses it
 * rests on, the message in both languages, and pointers to the evidence that proves it. Built by the rule engine
 * from a rule's violation and the rule's metadata; rules never build it themselves.
 */
public record Finding(String ruleId, String targetId, Severity severity, Stage stage, Localized title, Localized message,
                      List<LegalRef> legalBasis, List<EvidencePointer> evidence, String fingerprint) {
    public Finding {
        legalBasis = List.copyOf(legalBasis);
        evidence = List.copyOf(evidence);
    }
}
