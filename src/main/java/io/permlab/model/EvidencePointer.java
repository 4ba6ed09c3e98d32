package io.permlab.model;

/**
 * Where the proof of a finding is: a kind of evidence ("manifest", "dex", "network-security-config", "file", "run"),
 * the file or entry inside the target, an optional line and column, the symbol (element, class, method) and a short
 * excerpt. {@code run} is the id of the run of a flow the proof comes from, null for static evidence: adapters that
 * cut a report by run (the TestNG cases) select on it.
 */
public record EvidencePointer(String kind, String file, Integer line, Integer column, String symbol, String excerpt, String run) {

    public EvidencePointer(String kind, String file, Integer line, Integer column, String symbol, String excerpt) {
        this(kind, file, line, column, symbol, excerpt, null);
    }

    public static EvidencePointer of(String kind, String file, String symbol, String excerpt) {
        return new EvidencePointer(kind, file, null, null, symbol, excerpt);
    }

    public static EvidencePointer at(String kind, String file, int line, int column, String symbol, String excerpt) {
        return new EvidencePointer(kind, file, line, column, symbol, excerpt);
    }

    /** A pointer into the run {@code runId} of a flow. */
    public static EvidencePointer inRun(String runId, String kind, String file, String symbol, String excerpt) {
        return new EvidencePointer(kind, file, null, null, symbol, excerpt, runId);
    }

    /**
     * Another finding this one confirms or rests on, by that finding's fingerprint (kind "related"; the fingerprint
     * stands where a file would, the other rule's id as the symbol): a dynamic finding pointing at the static one it proves.
     */
    public static EvidencePointer related(String ruleId, String fingerprint, String excerpt) {
        return new EvidencePointer("related", fingerprint, null, null, ruleId, excerpt);
    }

    /** "file:line:column" when a position is known, else the file. */
    public String location() {
        if (file == null) {
            return symbol == null ? "" : symbol;
        }
        if (line == null) {
            return file;
        }
        return column == null ? file + ":" + line : file + ":" + line + ":" + column;
    }

    public EvidencePointer withExcerpt(String newExcerpt) {
        return new EvidencePointer(kind, file, line, column, symbol, newExcerpt, run);
    }

    /** The same pointer with another symbol and excerpt (masked ones). */
    public EvidencePointer withText(String newSymbol, String newExcerpt) {
        return new EvidencePointer(kind, file, line, column, newSymbol, newExcerpt, run);
    }
}
