package io.permlab.json;

import java.util.List;
import java.util.Map;

/**
 * A value of a strictly parsed JSON document that knows the 1-based line and column it starts at, so a reader can
 * point at the field that is wrong (docs/architecture: one JSON helper for every strict file PermLab reads).
 */
public sealed interface JsonNode permits JsonNode.Obj, JsonNode.Arr, JsonNode.Str, JsonNode.Num, JsonNode.Bool, JsonNode.Null {
    int line();

    int column();

    /** The value written back as compact JSON (a fixture's body handed on as the reader found it). */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonText.write(this, out);
        return out.toString();
    }

    record Obj(Map<String, JsonNode> members, int line, int column) implements JsonNode {
        public JsonNode get(String key) {
            return members.get(key);
        }

        /** The member if it is an object, else null. */
        public Obj obj(String key) {
            return members.get(key) instanceof Obj o ? o : null;
        }

        /** The member if it is an array, else null. */
        public Arr arr(String key) {
            return members.get(key) instanceof Arr a ? a : null;
        }

        /** The member's text if it is a string, else null. */
        public String str(String key) {
            return members.get(key) instanceof Str s ? s.text() : null;
        }
    }

    record Arr(List<JsonNode> items, int line, int column) implements JsonNode {
    }

    record Str(String text, int line, int column) implements JsonNode {
    }

    /** A number, kept as its text so that no precision is lost before a reader decides what it must be. */
    record Num(String text, int line, int column) implements JsonNode {
        public double value() {
            return Double.parseDouble(text);
        }

        /** Whether the number is whole ("3", "3.0", "3e2"), so that it may be read as an int or long. */
        public boolean whole() {
            double d = value();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
    }

    record Bool(boolean value, int line, int column) implements JsonNode {
    }

    record Null(int line, int column) implements JsonNode {
    }
}
