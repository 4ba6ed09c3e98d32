package io.permlab.rules.policy;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;

import java.util.List;

/**
 * One thing the app was seen doing that its policy must declare: a permission it asks for, a kind of PI it collects, an
 * SDK it embeds, a third party it sends PI to. A policy declares it when it mentions one of its {@code names}, or,
 * when {@code piWords} is not empty, every kind of PI it reaches (one word of each list: READ_PHONE_STATE is declared by
 * a policy that names both the device identifiers and the phone number); {@code where}: how it was seen.
 */
record Observed(Kind kind, String id, Localized label, List<String> names, List<List<String>> piWords, Localized where,
                EvidencePointer pointer) {
    enum Kind { PERMISSION, PI, SDK, RECIPIENT }

    Observed {
        names = List.copyOf(names);
        piWords = piWords.stream().map(List::copyOf).toList();
    }

    Observed(Kind kind, String id, Localized label, List<String> names, Localized where, EvidencePointer pointer) {
        this(kind, id, label, names, List.of(), where, pointer);
    }
}
