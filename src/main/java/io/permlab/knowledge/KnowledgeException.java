package io.permlab.knowledge;

/** A knowledge file is missing, malformed or inconsistent; the message names the file and the field. */
public class KnowledgeException extends RuntimeException {
    public KnowledgeException(String file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    /** A strict-JSON problem: the message already names the file, line, column and field. */
    public KnowledgeException(io.permlab.json.JsonFileException cause) {
        super(cause.getMessage(), cause);
    }

    /** A problem another reader already described in full (file, line and field). */
    public KnowledgeException(String message, Throwable cause) {
        super(message, cause);
    }

    public KnowledgeException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
