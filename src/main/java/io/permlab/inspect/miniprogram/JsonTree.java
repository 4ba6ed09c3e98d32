package io.permlab.inspect.miniprogram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.permlab.model.TargetText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document (app.json, page and component .json, project.config.json) as a tree whose every value knows its
 * line and column, so declarations can be pointed at and syntax errors located. Strict JSON, as WeChat's tools want.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Nesting no config file needs; deeper input is hostile and would only cost stack. */
    private static final int MAX_DEPTH = 64;

    sealed interface Value permits Obj, Arr, Str, Other {
        int line();

        int column();
    }

    record Obj(Map<String, Value> members, int line, int column) implements Value {
        Value get(String key) {
            return members.get(key);
        }

        Obj obj(String key) {
            return members.get(key) instanceof Obj o ? o : null;
        }

        Arr arr(String key) {
            return members.get(key) instanceof Arr a ? a : null;
        }

        String str(String key) {
            return members.get(key) instanceof Str s ? s.text() : null;
        }
    }

    record Arr(List<Value> items, int line, int column) implements Value {
    }

    record Str(String text, int line, int column) implements Value {
    }

    /** A number, true, false or null, kept as its text. */
    record Other(String text, int line, int column) implements Value {
    }

    /** A syntax error with the 1-based line and column it was found at. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private JsonTree() {
    }

    static Value parse(String text) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new SyntaxError("empty document", 1, 1);
            }
            Value v = value(p, 0);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
            }
            return v;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(inWords(e.getOriginalMessage()), at == null ? 1 : at.getLineNr(), at == null ? 1 : Math.max(1, at.getColumnNr()));
        } catch (IOException e) {
            throw new SyntaxError(e.getMessage(), 1, 1);
        }
    }

    /**
     * Jackson's message cut down to what is wrong with the text: its lists of what it expected (which quote 'null'
     * and name Java-side token types) and its character codes are for its developers, not for a report.
     */
    static String inWords(String jackson) {
        String m = jackson == null ? "" : jackson.lines().findFirst().orElse("");
        if (m.startsWith("Unexpected end-of-input")) {
            return "the document ends before it is complete";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a control character inside a string is not escaped";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "the text is not valid UTF-8";
        }
        m = m.replaceAll("\\s*\\(JSON String[^)]*\\)", "").replaceAll("\\s*\\(code -?\\d+\\)", "")
                .replaceAll("\\s*\\(CTRL-CHAR[^)]*\\)", "");
        if (m.startsWith("Unrecognized token")) {
            int end = m.indexOf("': was expecting");
            String token = end > 0 ? m.substring(0, end + 1) : m;
            return (token.length() > 60 ? token.substring(0, 60) + "…'" : token).replace("Unrecognized", "unrecognized");
        }
        m = m.length() > 160 ? m.substring(0, 160) + "…" : m;
        return m.isEmpty() ? "malformed JSON" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static Value value(JsonParser p, int depth) throws IOException, SyntaxError {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("nested deeper than " + MAX_DEPTH + " levels", line, column);
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Value> members = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = TargetText.clean(p.currentName());
                p.nextToken();
                members.putIfAbsent(key, value(p, depth + 1));
            }
            return new Obj(Collections.unmodifiableMap(members), line, column);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Value> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p, depth + 1));
            }
            return new Arr(List.copyOf(items), line, column);
        }
        if (t == JsonToken.VALUE_STRING) {
            // An escape such as \ud800 decodes to a lone surrogate: cleaned like the file's text.
            return new Str(TargetText.clean(p.getText()), line, column);
        }
        return new Other(p.getText(), line, column);
    }
}
