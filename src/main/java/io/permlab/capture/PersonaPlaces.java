package io.permlab.capture;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import io.permlab.model.dynamic.PersonaSighting;

import java.util.List;
import java.util.Map;

/**
 * Says where a persona match is, with the PI scanner's where strings: "url path", "url query phone", "header Name",
 * "body $.user.mobile", "body form phone", "response $.data[0].mobile", "response text at 1520". Most texts hold no
 * persona value, so a body is searched whole first and parsed only when it holds a match, or when its JSON escapes
 * undone do (a name written as \\u5f20 is found in the parsed string, not in the raw text).
 */
final class PersonaPlaces {
    private PersonaPlaces() {
    }

    static void url(PersonaMatcher m, String url, List<PersonaSighting> out) {
        if (url == null || m.find(url).isEmpty()) {
            return;
        }
        int q = url.indexOf('?');
        int hash = url.indexOf('#', Math.max(q, 0));
        text(m, q < 0 ? url : url.substring(0, q), "url path", out);
        if (q >= 0) {
            fields(m, url.substring(q + 1, hash < 0 ? url.length() : hash), "url query", out);
        }
        if (hash >= 0) {
            text(m, url.substring(hash), "url fragment", out);
        }
    }

    static void body(PersonaMatcher m, String body, String scope, List<PersonaSighting> out) {
        if (body == null || body.isEmpty()) {
            return;
        }
        List<PersonaMatch> whole = m.find(body);
        boolean escaped = body.contains("\\u") || body.contains("\\/");
        if (whole.isEmpty() && (!escaped || m.find(unescaped(body)).isEmpty())) {
            return;
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                json(m, JsonParser.parseString(trimmed), scope + " $", out);
                return;
            } catch (JsonParseException | IllegalStateException e) {
                // not JSON after all: said by offset below
            }
        }
        if (Params.looksLikeForm(trimmed)) {
            fields(m, trimmed, scope + " form", out);
            return;
        }
        for (PersonaMatch p : whole) {
            out.add(sighting(p, body, scope + " text at " + p.start()));
        }
    }

    /** JSON's \\uXXXX and \\/ escapes undone, to see cheaply whether an escaped body can hold a persona value. */
    static String unescaped(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                sb.append('/');
                i++;
            } else if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                try {
                    sb.append((char) Integer.parseInt(s, i + 2, i + 6, 16));
                    i += 5;
                } catch (NumberFormatException e) {
                    sb.append(c);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void text(PersonaMatcher m, String value, String where, List<PersonaSighting> out) {
        for (PersonaMatch p : m.find(value)) {
            out.add(sighting(p, value, where));
        }
    }

    private static void fields(PersonaMatcher m, String pairs, String scope, List<PersonaSighting> out) {
        Params params = Params.parse(pairs);
        for (int i = 0; i < params.raw().size(); i++) {
            String raw = params.raw().get(i);
            int eq = raw.indexOf('=');
            text(m, eq < 0 ? raw : raw.substring(eq + 1), scope + " " + m.mask(params.fields().get(i).name()), out);
        }
    }

    private static void json(PersonaMatcher m, JsonElement e, String path, List<PersonaSighting> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                json(m, entry.getValue(), path + "." + m.mask(entry.getKey()), out);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                json(m, e.getAsJsonArray().get(i), path + "[" + i + "]", out);
            }
        } else if (e.isJsonPrimitive()) {
            text(m, e.getAsString(), path, out);
        }
    }

    private static PersonaSighting sighting(PersonaMatch p, String text, String where) {
        Needle n = p.needle();
        return new PersonaSighting(n.field().name(), n.encoding().name(), where,
                PersonaMask.of(n, text.substring(p.start(), p.end())));
    }
}
