package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.ArrayList;
import java.util.List;

/** "a=1&b=%E4%B8%AD" as sent and as meant: raw pairs and percent-decoded fields, index for index. */
record Params(List<String> raw, List<Field> fields) {
    static Params parse(String text) {
        List<String> raw = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            raw.add(pair);
            int eq = pair.indexOf('=');
            String name = Percent.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            fields.add(new Field(name, eq < 0 ? "" : Percent.decode(pair.substring(eq + 1), true)));
        }
        return new Params(raw, fields);
    }

    /** Whether text looks like a form body: name=value pairs joined by '&', no whitespace. */
    static boolean looksLikeForm(String text) {
        if (text.isEmpty() || text.indexOf('=') <= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '{' || c == '<' || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** The pairs joined again, values that hold PI replaced by their masked, re-encoded text. */
    String masked(FieldScan scan) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.size(); i++) {
            if (i > 0) {
                sb.append('&');
            }
            String pair = raw.get(i);
            if (scan.changes(i)) {
                int eq = pair.indexOf('=');
                sb.append(eq < 0 ? pair : pair.substring(0, eq)).append('=').append(Percent.encode(scan.masked(i)));
            } else {
                sb.append(PiDetector.mask(pair));
            }
        }
        return sb.toString();
    }
}
