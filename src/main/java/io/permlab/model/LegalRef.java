package io.permlab.model;

/** A clause of a named legal source (or platform rule) that a finding rests on. */
public record LegalRef(String sourceId, String shortName, Localized sourceName, String clause) {
    /** "认定方法 四.1" style citation. */
    public String citation() {
        return shortName + " " + clause;
    }
}
