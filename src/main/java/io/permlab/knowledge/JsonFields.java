package io.permlab.knowledge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.model.Localized;

import java.util.ArrayList;
import java.util.List;

/** Typed reads from a knowledge JSON object that fail with the file and the field's path. */
final class JsonFields {
    private final String file;
    private final String path;
    private final JsonObject obj;

    JsonFields(String file, String path, JsonObject obj) {
        this.file = file;
        this.path = path;
        this.obj = obj;
    }

    String path() {
        return path;
    }

    KnowledgeException error(String field, String problem) {
        return new KnowledgeException(file, path + "." + field, problem);
    }

    String string(String field) {
        JsonElement e = obj.get(field);
        if (e == null || e.isJsonNull()) {
            throw error(field, "is required");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            throw error(field, "must be a non-empty string");
        }
        return e.getAsString();
    }

    String optString(String field) {
        return has(field) ? string(field) : null;
    }

    int integer(String field) {
        JsonElement e = obj.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw error(field, "must be a number");
        }
        return e.getAsInt();
    }

    Integer optInteger(String field) {
        return has(field) ? integer(field) : null;
    }

    boolean bool(String field, boolean fallback) {
        JsonElement e = obj.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw error(field, "must be true or false");
        }
        return e.getAsBoolean();
    }

    List<String> strings(String field) {
        JsonElement e = obj.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw error(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        JsonArray arr = e.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            JsonElement item = arr.get(i);
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw error(field + "[" + i + "]", "must be a string");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    Localized localized(String field) {
        return child(field).localizedSelf();
    }

    /**
     * A name that may read the same in both languages ("PIPL", "S7") or not ({"zh": "第五十一条", "en": "Art. 51"}).
     * Chinese text given as one string, or in the "en" form, is an error: the English view would show it untranslated.
     */
    Localized bilingual(String field) {
        JsonElement e = obj.get(field);
        if (e != null && e.isJsonObject()) {
            Localized l = localized(field);
            if (CHINESE.matcher(l.en()).find()) {
                throw error(field + ".en", "must be English, not '" + l.en() + "'");
            }
            return l;
        }
        String s = string(field);
        if (CHINESE.matcher(s).find()) {
            throw error(field, "holds Chinese text ('" + s + "'); give both forms as {\"zh\": …, \"en\": …}");
        }
        return new Localized(s, s);
    }

    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    Localized optLocalized(String field) {
        return has(field) ? localized(field) : null;
    }

    private Localized localizedSelf() {
        return new Localized(string("zh"), string("en"));
    }

    boolean has(String field) {
        JsonElement e = obj.get(field);
        return e != null && !e.isJsonNull();
    }

    JsonFields child(String field) {
        JsonElement e = obj.get(field);
        if (e == null || !e.isJsonObject()) {
            throw error(field, "must be an object");
        }
        return new JsonFields(file, path + "." + field, e.getAsJsonObject());
    }

    List<JsonFields> objects(String field) {
        JsonElement e = obj.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw error(field, "must be an array of objects");
        }
        List<JsonFields> out = new ArrayList<>();
        JsonArray arr = e.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            if (!arr.get(i).isJsonObject()) {
                throw error(field + "[" + i + "]", "must be an object");
            }
            out.add(new JsonFields(file, path + "." + field + "[" + i + "]", arr.get(i).getAsJsonObject()));
        }
        return out;
    }
}
