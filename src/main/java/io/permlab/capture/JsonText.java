package io.permlab.capture;

/** JSON string escapes, and member names in paths ("$.a.b", "$['user name']"). */
final class JsonText {
    private JsonText() {
    }

    /** Decodes {@code s[start, end)}, the content of a JSON string; a broken escape is kept as written. */
    static String unescape(char[] s, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            char c = s[i];
            if (c != '\\' || i + 1 >= end) {
                sb.append(c);
                i++;
                continue;
            }
            char e = s[i + 1];
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    int code = i + 6 <= end ? hex4(s, i + 2) : -1;
                    if (code < 0) {
                        sb.append(c).append(e);
                    } else {
                        sb.append((char) code);
                        i += 4;
                    }
                }
                default -> sb.append(e);
            }
            i += 2;
        }
        return sb.toString();
    }

    /** The content of a JSON string for {@code text} (without the quotes). */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static void appendMember(StringBuilder path, String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$';
        }
        if (plain) {
            path.append('.').append(name);
        } else {
            path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
    }

    private static int hex4(char[] s, int from) {
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(s[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
