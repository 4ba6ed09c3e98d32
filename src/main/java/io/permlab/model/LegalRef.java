package io.permlab.model;

/**
 * A clause of a named legal source (or platform rule) that a finding rests on, named in both report languages:
 * "认定方法 四.1" in the Chinese view, "CAC Methods IV.1" in the English one.
 */
public record LegalRef(String sourceId, Localized shortName, Localized sourceName, Localized clause) {
    /** The Chinese citation, "认定方法 四.1": the form regulators and the JSON/SARIF/JUnit reports use. */
    public String citation() {
        return cited().zh();
    }

    /** The citation in both languages. */
    public Localized cited() {
        return new Localized(shortName.zh() + " " + clause.zh(), shortName.en() + " " + clause.en());
    }
}
