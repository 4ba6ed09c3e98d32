package io.permlab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parses the strict JSON files PermLab reads (knowledge, target.json, device profiles, personas, app.json): no
 * comments, no trailing commas, no duplicate keys (which copy would count is anyone's guess), valid UTF-8, and every
 * value with its line and column. Jackson's streaming parser does the reading; the tree is ours so that nothing
 * outside this package sees Jackson's types.
 */
public final class StrictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Nesting no PermLab file needs; deeper input is hostile and would only cost stack. */
    static final int MAX_DEPTH = 64;

    private StrictJson() {
    }

    /** Parses {@code text}; errors name {@code source}. */
    public static JsonNode parse(String text, String source) {
        return parse(text, source, UnaryOperator.identity());
    }

    /**
     * Parses {@code text}; every key and string passes through {@code clean} first (target files drop control
     * characters where their text enters PermLab).
     */
    public static JsonNode parse(String text, String source, UnaryOperator<String> clean) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new JsonFileException(source, 1, 1, null, "empty document");
            }
            JsonNode v = new Builder(source, clean).value(p, "$", 0);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new JsonFileException(source, at.getLineNr(), at.getColumnNr(), null,
                        "unexpected content after the end of the document");
            }
            return v;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            throw new JsonFileException(source, at == null ? 1 : at.getLineNr(), at == null ? 1 : Math.max(1, at.getColumnNr()),
                    null, inWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new JsonFileException(source, 0, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    /** Reads and parses a file, which must hold UTF-8; errors name the file as given. */
    public static JsonNode parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JsonFileException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** Reads a stream (a file built into PermLab) to its end and parses it; errors name {@code source}. */
    public static JsonNode parse(InputStream in, String source) {
        try {
            return parse(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new JsonFileException(source, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] bytes, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        } catch (CharacterCodingException e) {
            throw new JsonFileException(source, 0, 0, null, "the text is not valid UTF-8");
        }
    }

    /** A document whose root must be an object, as typed fields named from "$". */
    public static Fields object(JsonNode root, String source) {
        if (!(root instanceof JsonNode.Obj o)) {
            throw new JsonFileException(source, root.line(), root.column(), "$", "must be a JSON object");
        }
        return new Fields(source, "$", o);
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

    private record Builder(String source, UnaryOperator<String> clean) {
        JsonNode value(JsonParser p, String path, int depth) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            int line = at.getLineNr();
            int column = at.getColumnNr();
            if (depth > MAX_DEPTH) {
                throw new JsonFileException(source, line, column, null, "nested deeper than " + MAX_DEPTH + " levels");
            }
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    Map<String, JsonNode> members = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        JsonLocation keyAt = p.currentTokenLocation();
                        String key = clean.apply(p.currentName());
                        p.nextToken();
                        if (members.putIfAbsent(key, value(p, path + "." + key, depth + 1)) != null) {
                            throw new JsonFileException(source, keyAt.getLineNr(), keyAt.getColumnNr(), path + "." + key,
                                    "duplicate key '" + key + "'");
                        }
                    }
                    return new JsonNode.Obj(Collections.unmodifiableMap(members), line, column);
                }
                case START_ARRAY: {
                    List<JsonNode> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(p, path + "[" + items.size() + "]", depth + 1));
                    }
                    return new JsonNode.Arr(List.copyOf(items), line, column);
                }
                case VALUE_STRING:
                    // An escape such as \ud800 decodes to a lone surrogate: the caller's clean decides what to keep.
                    return new JsonNode.Str(clean.apply(p.getText()), line, column);
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new JsonNode.Num(p.getText(), line, column);
                case VALUE_TRUE:
                    return new JsonNode.Bool(true, line, column);
                case VALUE_FALSE:
                    return new JsonNode.Bool(false, line, column);
                case VALUE_NULL:
                    return new JsonNode.Null(line, column);
                default:
                    throw new JsonFileException(source, line, column, null, "unexpected " + t);
            }
        }
    }
}
