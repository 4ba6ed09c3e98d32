package io.permlab.cli;

import java.util.regex.Pattern;

/**
 * Text from outside (file and entry names, target names, error messages) made safe to print to a terminal or a log:
 * escape sequences are removed whole (a CSI colour or cursor command, an OSC title or hyperlink, DCS/PM/APC strings),
 * then every other C0 and C1 control character; a line break becomes a space so one line stays one line.
 * Hand-written because no library in the build strips OSC and C1 sequences (jline's stripAnsi handles CSI only).
 */
final class TerminalText {
    private static final Pattern SEQUENCES = Pattern.compile(String.join("|",
            "(?:\\x1B\\[|\\x9B)[\\x30-\\x3F]*[\\x20-\\x2F]*[\\x40-\\x7E]?",        // CSI: ESC [ params intermediates final
            "(?:\\x1B[\\]PX^_]|[\\x90\\x98\\x9D\\x9E\\x9F])[^\\x07\\x1B\\x9C]*(?:\\x07|\\x1B\\\\|\\x9C)?", // OSC, DCS, SOS, PM, APC
            "\\x1B[\\x20-\\x2F]*[\\x30-\\x7E]?"));                                   // any other ESC sequence
    private static final Pattern BREAKS = Pattern.compile("\\r\\n|[\\r\\n\\u2028\\u2029]");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    private TerminalText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = SEQUENCES.matcher(text).replaceAll("");
        s = BREAKS.matcher(s).replaceAll(" ");
        return CONTROLS.matcher(s).replaceAll("");
    }
}
