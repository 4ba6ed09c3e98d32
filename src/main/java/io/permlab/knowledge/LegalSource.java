package io.permlab.knowledge;

import io.permlab.model.Localized;

/** A law, regulation or platform rule that rules cite (legal-sources.json); {@code shortName} is what citations start with. */
public record LegalSource(String id, String zh, String en, Localized shortName) {
    public Localized label() {
        return new Localized(zh, en);
    }
}
