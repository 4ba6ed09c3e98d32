package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PrivacyPolicyFacts;

/**
 * A privacy policy as reports show it: its text, the sentences that satisfy its elements and the notes go through
 * the same PI masking as every other text (an operator's contact phone reads like a person's number and is masked too).
 */
final class PolicyMasking {
    private PolicyMasking() {
    }

    static PrivacyPolicyFacts mask(PrivacyPolicyFacts p) {
        return new PrivacyPolicyFacts(p.status(), EvidenceMasker.mask(p.source()), p.sourceKind(), p.reachableBeforeConsent(),
                EvidenceMasker.mask(p.note()), EvidenceMasker.mask(p.text()), p.textLength(), p.textSha256(), p.links(),
                p.elements().stream().map(e -> new PolicyElement(e.id(), e.label(), e.clause(), e.present(), EvidenceMasker.mask(e.sentence()))).toList());
    }
}
