package io.permlab.knowledge;

import io.permlab.json.Fields;
import io.permlab.json.JsonNode;
import io.permlab.model.Localized;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The zh/en pairs knowledge files give names and texts in, read from strict JSON fields. */
final class LocalizedFields {
    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    private LocalizedFields() {
    }

    /** {"zh": …, "en": …}, both required and non-empty. */
    static Localized localized(Fields f, String field) {
        Fields pair = f.object(field);
        return new Localized(pair.text("zh"), pair.text("en"));
    }

    static Localized optLocalized(Fields f, String field) {
        return f.has(field) ? localized(f, field) : null;
    }

    /**
     * A name that may read the same in both languages ("PIPL", "S7") or not ({"zh": "第五十一条", "en": "Art. 51"}).
     * Chinese text given as one string, or in the "en" form, is an error: the English view would show it untranslated.
     */
    static Localized bilingual(Fields f, String field) {
        if (f.node().get(field) instanceof JsonNode.Obj) {
            Localized l = localized(f, field);
            if (CHINESE.matcher(l.en()).find()) {
                throw f.object(field).error("en", "must be English, not '" + l.en() + "'");
            }
            return l;
        }
        String s = f.text(field);
        if (CHINESE.matcher(s).find()) {
            throw f.error(field, "holds Chinese text ('" + s + "'); give both forms as {\"zh\": …, \"en\": …}");
        }
        return new Localized(s, s);
    }

    /** An object of named zh/en texts ({"loop": {"zh": …, "en": …}}), in file order; absent reads as empty. */
    static Map<String, Localized> named(Fields f, String field) {
        Map<String, Localized> out = new LinkedHashMap<>();
        if (!f.has(field)) {
            return out;
        }
        Fields all = f.object(field);
        for (String name : all.keys()) {
            out.put(name, localized(all, name));
        }
        return out;
    }
}
