package io.permlab.device.android;

/**
 * Device output that cannot be read as the format it claims to be. Names the source (the command or file) and the line,
 * so a recorded processing error points at the exact text; a parser never guesses past such a line.
 */
public class DeviceOutputException extends RuntimeException {
    private final String source;
    private final int line;

    public DeviceOutputException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public DeviceOutputException(String source, int line, String problem, Throwable cause) {
        this(source, line, problem);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    /** 1-based line of the offending text, 0 when the problem is the output as a whole. */
    public int line() {
        return line;
    }
}
