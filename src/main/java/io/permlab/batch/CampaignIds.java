package io.permlab.batch;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ids for a campaign's rows: the app's name and version made into a safe file name (they name runs/<id> folders),
 * unique with "-2", "-3"... in row order, so the same manifest always gives the same ids.
 */
final class CampaignIds {
    private static final int MAX_LENGTH = 64;
    private final Set<String> used = new HashSet<>();

    String next(String name, String version) {
        String base = safe((name == null ? "target" : name) + (version == null ? "" : "-" + version));
        String id = base;
        for (int i = 2; !used.add(id.toLowerCase(Locale.ROOT)); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_LENGTH).forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_'));
        for (int i = 0; i < out.length() && out.charAt(i) == '.'; i++) {
            out.setCharAt(i, '_'); // never "..", never hidden
        }
        return out.codePoints().anyMatch(Character::isLetterOrDigit) ? out.toString() : "target";
    }
}
