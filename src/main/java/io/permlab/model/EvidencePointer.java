package io.permlab.model;

/**
 * Where the proof of a finding is: a kind of evidence ("manifest", "dex", "network-security-config", "file", "run"),
 * the file or entry inside the target, an optional line and column, the symbol (element, class, method) and a short excerpt.
 */
public record EvidencePointer(String kind, String file, Integer line, Integer column, String symbol, String excerpt) {

    public static EvidencePointer of(String kind, String file, String symbol, String excerpt) {
        return new EvidencePointer(kind, file, null, null, symbol, excerpt);
    }

    public static EvidencePointer at(String kind, String file, int line, int column, String symbol, String excerpt) {
        return new EvidencePointer(kind, file, line, column, symbol, excerpt);
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
        return new EvidencePointer(kind, file, line, column, symbol, newExcerpt);
    }
}
