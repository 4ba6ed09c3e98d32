package io.permlab.json;

import java.util.Map;

/** Writes a {@link JsonNode} as compact JSON text, strings escaped as JSON requires. */
final class JsonText {
    private JsonText() {
    }

    static void write(JsonNode node, StringBuilder out) {
        if (node instanceof JsonNode.Obj o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> m : o.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(m.getKey(), out);
                out.append(':');
                write(m.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof JsonNode.Arr a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(a.items().get(i), out);
            }
            out.append(']');
        } else if (node instanceof JsonNode.Str s) {
            string(s.text(), out);
        } else if (node instanceof JsonNode.Num n) {
            out.append(n.text());
        } else if (node instanceof JsonNode.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
