package io.permlab.pipeline;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Target ids, unique within a batch. An id names the target's folders under the output ({@code runs/<id>},
 * {@code .work/<id>}), so it is a safe file name: letters of any script (Chinese names stay readable), digits, '.',
 * '_' and '-'; never "." or "..", never hidden, never a path.
 */
final class TargetIds {
    /** 64 Chinese letters are 192 bytes in UTF-8: with a "-NN" suffix still under the usual 255-byte name limit. */
    private static final int MAX_LENGTH = 64;
    private static final String FALLBACK = "target";

    private final Set<String> used = new HashSet<>();

    /** A safe id for {@code name}, with "-2", "-3"... when it is taken (ignoring case, for case-insensitive disks). */
    String unique(String name) {
        String safe = safe(name);
        String id = safe;
        for (int i = 2; !used.add(id.toLowerCase(Locale.ROOT)); i++) {
            id = safe + "-" + i;
        }
        return id;
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_LENGTH).forEach(c -> out.appendCodePoint(allowed(c) ? c : '_'));
        for (int i = 0; i < out.length() && out.charAt(i) == '.'; i++) {
            out.setCharAt(i, '_'); // "..", ".work", ".hidden": nothing that climbs up or hides
        }
        boolean readable = out.codePoints().anyMatch(Character::isLetterOrDigit);
        return readable ? out.toString() : FALLBACK;
    }

    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || c == '.' || c == '_' || c == '-';
    }
}
