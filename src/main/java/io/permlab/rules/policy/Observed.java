package io.permlab.rules.policy;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;

import java.util.List;

/**
 * One thing the app was seen doing that its policy must declare: a permission it asks for, a kind of PI it collects, an
 * SDK it embeds, a third party it sends PI to. {@code words}: the names by which a policy declares it; {@code where}:
 * how it was seen (in the manifest, during a run).
 */
record Observed(Kind kind, String id, Localized label, List<String> words, Localized where, EvidencePointer pointer) {
    enum Kind { PERMISSION, PI, SDK, RECIPIENT }

    Observed {
        words = List.copyOf(words);
    }
}
