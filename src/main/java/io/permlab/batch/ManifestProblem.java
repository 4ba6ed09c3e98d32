package io.permlab.batch;

/** A mistake in one row of a manifest: the file, the row (1 = the header's next line), the column and what is wrong. */
public record ManifestProblem(String file, int row, String column, String message) {
    public String oneLine() {
        return file + ": row " + row + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
}
