package io.permlab.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed reads from one JSON object of a strict file. A field that is missing or of the wrong type fails with the
 * file, the line of the value (or of its object when it is missing) and the field's path from the root.
 */
public final class Fields {
    private final String file;
    private final String path;
    private final JsonNode.Obj obj;

    public Fields(String file, String path, JsonNode.Obj obj) {
        this.file = file;
        this.path = path;
        this.obj = obj;
    }

    public String file() {
        return file;
    }

    /** This object's path from the root ("$.apis[2]"). */
    public String path() {
        return path;
    }

    public int line() {
        return obj.line();
    }

    public JsonNode.Obj node() {
        return obj;
    }

    public Set<String> keys() {
        return obj.members().keySet();
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode v = obj.get(field);
        return v != null && !(v instanceof JsonNode.Null);
    }

    /** An error about a field, placed at its value, or at this object when the field is absent. */
    public JsonFileException error(String field, String problem) {
        JsonNode at = obj.get(field);
        JsonNode where = at != null ? at : obj;
        return new JsonFileException(file, where.line(), where.column(), path + "." + field, problem);
    }

    /** An error about this object as a whole. */
    public JsonFileException error(String problem) {
        return new JsonFileException(file, obj.line(), obj.column(), path, problem);
    }

    private JsonNode required(String field) {
        if (!has(field)) {
            throw error(field, "is required");
        }
        return obj.get(field);
    }

    /** A required string (it may be empty). */
    public String string(String field) {
        if (!(required(field) instanceof JsonNode.Str s)) {
            throw error(field, "must be a string");
        }
        return s.text();
    }

    /** A required string with more than white space in it. */
    public String text(String field) {
        JsonNode v = required(field);
        if (!(v instanceof JsonNode.Str s) || s.text().isBlank()) {
            throw error(field, "must be a non-empty string");
        }
        return s.text();
    }

    /** A string, or null when the field is absent or null. */
    public String optString(String field) {
        return has(field) ? string(field) : null;
    }

    /** A non-empty string, or null when the field is absent or null. */
    public String optText(String field) {
        return has(field) ? text(field) : null;
    }

    public double number(String field) {
        if (!(required(field) instanceof JsonNode.Num n)) {
            throw error(field, "must be a number");
        }
        return n.value();
    }

    /** A whole number that fits an int. */
    public int integer(String field) {
        long v = whole(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(field, "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    public Integer optInteger(String field) {
        return has(field) ? integer(field) : null;
    }

    /** A whole number (a long). */
    public long whole(String field) {
        if (!(required(field) instanceof JsonNode.Num n) || !n.whole() || Math.abs(n.value()) > Long.MAX_VALUE / 2.0) {
            throw error(field, "must be a whole number");
        }
        return (long) n.value();
    }

    public boolean bool(String field) {
        if (!(required(field) instanceof JsonNode.Bool b)) {
            throw error(field, "must be true or false");
        }
        return b.value();
    }

    public boolean bool(String field, boolean fallback) {
        return has(field) ? bool(field) : fallback;
    }

    /**
     * Refuses a field not in {@code known}: in a file people edit by hand a misspelt field would otherwise be ignored
     * without a word. Fields whose name starts with "_" are comments ("_about", "_note").
     */
    public void onlyFields(Set<String> known) {
        for (String key : keys()) {
            if (!key.startsWith("_") && !known.contains(key)) {
                throw error(key, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** An array of strings; absent or null reads as empty. */
    public List<String> strings(String field) {
        if (!has(field)) {
            return List.of();
        }
        if (!(obj.get(field) instanceof JsonNode.Arr arr)) {
            throw error(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            if (!(arr.items().get(i) instanceof JsonNode.Str s)) {
                JsonNode item = arr.items().get(i);
                throw new JsonFileException(file, item.line(), item.column(), path + "." + field + "[" + i + "]", "must be a string");
            }
            out.add(s.text());
        }
        return out;
    }

    /** A required object. */
    public Fields object(String field) {
        if (!(required(field) instanceof JsonNode.Obj o)) {
            throw error(field, "must be an object");
        }
        return new Fields(file, path + "." + field, o);
    }

    /** An array of objects; absent or null reads as empty. */
    public List<Fields> objects(String field) {
        if (!has(field)) {
            return List.of();
        }
        if (!(obj.get(field) instanceof JsonNode.Arr arr)) {
            throw error(field, "must be an array of objects");
        }
        List<Fields> out = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            String at = path + "." + field + "[" + i + "]";
            if (!(arr.items().get(i) instanceof JsonNode.Obj o)) {
                JsonNode item = arr.items().get(i);
                throw new JsonFileException(file, item.line(), item.column(), at, "must be an object");
            }
            out.add(new Fields(file, at, o));
        }
        return out;
    }
}
