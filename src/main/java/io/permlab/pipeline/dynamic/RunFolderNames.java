package io.permlab.pipeline.dynamic;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The folder name of a run: its id with what Windows refuses in a file name replaced by '_' — the characters
 * {@code < > : " / \ | ? *}, control characters, a trailing dot or space, and the reserved device names (CON, NUL,
 * COM1…). An Android run refusing contacts has the id {@code add-contact-deny-android:contacts} and the folder
 * {@code add-contact-deny-android_contacts}; the id itself stays as it is in the evidence and the reports.
 */
final class RunFolderNames {
    private static final Pattern INVALID = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F]");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5",
            "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private RunFolderNames() {
    }

    static String of(String runId) {
        String name = INVALID.matcher(runId).replaceAll("_");
        if (name.isEmpty()) {
            return "_";
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            name = name.substring(0, name.length() - 1) + "_";
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        return RESERVED.contains(stem) ? "_" + name : name;
    }
}
