package io.permlab.exercise.flow;

import java.nio.file.Path;

/** A flow file that cannot be run: the message names the file, line, column and the field at fault. */
public class FlowException extends Exception {
    private final Path file;
    private final int line;
    private final int column;
    private final String field;

    public FlowException(Path file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }
}
