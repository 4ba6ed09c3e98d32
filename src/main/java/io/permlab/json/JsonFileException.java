package io.permlab.json;

/**
 * A strict JSON file that cannot be used: its display name, the line and column (0 when unknown), the field's path
 * ("$.apis[2].scope", null for a syntax error) and what is wrong. Unchecked so that readers built from lambdas can
 * throw it; each reader turns it into its own error at its entry point.
 */
public final class JsonFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public JsonFileException(String file, int line, int column, String field, String problem) {
        super(where(file, line, column) + ": " + (field == null ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String where(String file, int line, int column) {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field's path from the root ("$.browser.binary"), or null for a syntax error. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** "line 3, column 7" for messages that keep their own shape; empty when the place is unknown. */
    public String place() {
        return line <= 0 ? "" : "line " + line + ", column " + column;
    }

    public boolean syntax() {
        return field == null;
    }
}
