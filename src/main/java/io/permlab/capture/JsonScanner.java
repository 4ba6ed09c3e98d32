package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks JSON text once, without building a tree, and reports PI with the path to it ("$.data[3].mobile"). Strings
 * and long integers go through {@link KeyedValues} under the name that holds them; a decimal under a latitude or
 * longitude name waits for its partner in the same object ({@link CoordinatePairs}); an array of two decimals under
 * a location name is a place ({@link LocationArrays}); a string holding escaped JSON is walked too. Truncated or
 * broken JSON (bodies are captured up to a size) keeps what was walked and scans the rest as text.
 */
final class JsonScanner implements Place {
    private static final Malformed MALFORMED = new Malformed();

    private final char[] c;
    private final int end;
    private final String scope;
    private final String root;
    private final int field;
    private final List<Hit> out;
    private final JsonFrames frames;
    private int pos;
    private int tokenStart;
    private boolean hasEscape;
    private KeyName valueKey;
    private String valueWhere;

    private JsonScanner(char[] c, int from, int end, String scope, String root, int field, List<Hit> out) {
        this.c = c;
        this.pos = from;
        this.end = end;
        this.scope = scope;
        this.root = root;
        this.field = field;
        this.out = out;
        this.frames = new JsonFrames(c);
    }

    /** Whether {@code c[from, end)} starts like JSON (an object or an array); only then is it walked. */
    static boolean looksLikeJson(char[] c, int from, int end) {
        int i = skipSpace(c, from, end);
        return i < end && (c[i] == '{' || c[i] == '[');
    }

    /**
     * Scans {@code c[from, end)}; hits get wheres like "{scope} $.a.b" and spans in {@code field}. Returns false,
     * finding nothing, when the text does not start like JSON.
     */
    static boolean scan(char[] c, int from, int end, String scope, int field, List<Hit> out) {
        if (!looksLikeJson(c, from, end)) {
            return false;
        }
        new JsonScanner(c, from, end, scope, "$", field, out).run();
        return true;
    }

    /**
     * JSON embedded in a page or script at {@code start} ({@code window.__STATE__={"user":{...}}}): if one whole
     * object parses from there, its hits (wheres "{scope} json at {start} $.a.b") go to {@code out} and its end is
     * returned; otherwise nothing is kept and -1 says to read it as text.
     */
    static int embedded(char[] c, int start, int to, String scope, int field, List<Hit> out) {
        List<Hit> found = new ArrayList<>(0);
        JsonScanner scanner = new JsonScanner(c, start, to, scope + " json at " + start, "$", field, found);
        try {
            scanner.value();
        } catch (Malformed | StringIndexOutOfBoundsException e) {
            return -1;
        }
        out.addAll(found);
        return scanner.pos;
    }

    private void run() {
        try {
            while (true) {
                pos = skipSpace(c, pos, end);
                if (pos >= end) {
                    return;
                }
                if (c[pos] != '{' && c[pos] != '[') {
                    tokenStart = pos;
                    throw MALFORMED;
                }
                value();
            }
        } catch (Malformed | StringIndexOutOfBoundsException e) {
            while (frames.depth() > 0) {
                close();
            }
            KeyedValues.textAt(c, Math.min(tokenStart, end), end, scope, field, out);
        }
    }

    private void value() {
        pos = skipSpace(c, pos, end);
        tokenStart = pos;
        char ch = at(pos);
        if (ch == '{') {
            object();
        } else if (ch == '[') {
            array();
        } else if (ch == '"') {
            string();
        } else if (ch == '-' || ch >= '0' && ch <= '9') {
            number();
        } else if (ch == 't' || ch == 'f' || ch == 'n') {
            literal();
        } else {
            throw MALFORMED;
        }
        tokenStart = pos;
    }

    private void object() {
        open(false);
        pos = skipSpace(c, pos + 1, end);
        if (at(pos) == '}') {
            pos++;
            close();
            return;
        }
        while (true) {
            pos = skipSpace(c, pos, end);
            tokenStart = pos;
            if (at(pos) != '"') {
                throw MALFORMED;
            }
            int start = pos + 1;
            int stop = stringEnd(start);
            frames.member(start, stop, hasEscape);
            pos = stop + 1;
            if (stop - start >= 6 && !PiDetector.find(c, start, stop).isEmpty()) {
                String where = scope + " " + frames.path(root, frames.top(), false) + " key";
                KeyedValues.judge(c, start, stop, Place.of("", where), field, out);
            }
            tokenStart = pos;
            pos = skipSpace(c, pos, end);
            if (at(pos) != ':') {
                throw MALFORMED;
            }
            pos++;
            value();
            pos = skipSpace(c, pos, end);
            char ch = at(pos++);
            if (ch == '}') {
                close();
                return;
            }
            if (ch != ',') {
                throw MALFORMED;
            }
        }
    }

    private void array() {
        open(true);
        pos = skipSpace(c, pos + 1, end);
        if (at(pos) == ']') {
            pos++;
            close();
            return;
        }
        while (true) {
            value();
            frames.nextElement();
            pos = skipSpace(c, pos, end);
            char ch = at(pos++);
            if (ch == ']') {
                close();
                return;
            }
            if (ch != ',') {
                throw MALFORMED;
            }
        }
    }

    private void open(boolean isArray) {
        frames.noteElement(false, 0, 0);
        if (!frames.push(isArray)) {
            throw MALFORMED;
        }
        beginValue();
    }

    /** Closes the innermost object or array: its latitudes and longitudes pair up, a two-decimal array may be a place. */
    private void close() {
        int top = frames.top();
        CoordinatePairs pairs = frames.pairsOrNull(top);
        if (pairs != null && !pairs.isEmpty()) {
            pairs.pairInto(scope, out);
        }
        ArrayPair numbers = frames.numbersOrNull(top);
        if (frames.isArray(top) && numbers != null && numbers.isPair() && top > 0 && !frames.isArray(top - 1)) {
            Hit hit = LocationArrays.hit(c, numbers, frames.memberName(top - 1), scope + " " + frames.path(root, top - 1, true), field);
            if (hit != null) {
                out.add(hit);
            }
        }
        frames.pop();
    }

    /** The index of the closing quote of a string whose content starts at {@code from}; sets {@link #hasEscape}. */
    private int stringEnd(int from) {
        hasEscape = false;
        int k = from;
        while (k < end) {
            char ch = c[k];
            if (ch == '"') {
                return k;
            }
            if (ch == '\\') {
                hasEscape = true;
                k += 2;
            } else {
                k++;
            }
        }
        throw MALFORMED;
    }

    /** The char at {@code i}, or malformed when the text ends first. */
    private char at(int i) {
        if (i >= end) {
            throw MALFORMED;
        }
        return c[i];
    }

    private void string() {
        int start = pos + 1;
        int stop = stringEnd(start);
        boolean escaped = hasEscape;
        pos = stop + 1;
        beginValue();
        frames.noteElement(false, 0, 0);
        if (escaped) {
            escapedString(start, stop);
            return;
        }
        if (stop - start >= 6) {
            KeyedValues.judge(c, start, stop, this, field, out);
        }
        if (stop - start >= 3 && (c[start] == '-' || c[start] >= '0' && c[start] <= '9')) {
            offerCoordinate(start, stop);
        }
    }

    /** Escaped text is decoded first; escaped JSON inside a string is walked as if it were nested here. */
    private void escapedString(int start, int stop) {
        String decoded = JsonText.unescape(c, start, stop);
        char[] chars = decoded.toCharArray();
        List<Hit> found = new ArrayList<>(2);
        if (looksLikeJson(chars, 0, chars.length)) {
            new JsonScanner(chars, 0, chars.length, scope, where().substring(scope.length() + 1), 0, found).run();
        } else {
            KeyedValues.judge(chars, 0, chars.length, this, 0, found);
        }
        if (found.isEmpty()) {
            return;
        }
        Span whole = new Span(field, start, stop, JsonText.escape(PiDetector.mask(Spans.apply(decoded, found, 0))));
        for (Hit h : found) {
            out.add(new Hit(h.type(), h.where(), h.maskedValue(), h.decimals(), List.of(whole)));
        }
    }

    private void number() {
        int start = pos;
        if (at(pos) == '-') {
            pos++;
        }
        boolean decimal = false;
        boolean exponent = false;
        while (pos < end) {
            char ch = c[pos];
            if (ch >= '0' && ch <= '9') {
                pos++;
            } else if (ch == '.') {
                decimal = true;
                pos++;
            } else if (ch == 'e' || ch == 'E' || ch == '+' || ch == '-') {
                exponent = true;
                pos++;
            } else {
                break;
            }
        }
        beginValue();
        boolean plainDecimal = decimal && !exponent;
        frames.noteElement(plainDecimal, start, pos);
        if (plainDecimal) {
            offerCoordinate(start, pos);
        } else if (!decimal && !exponent && pos - start >= 11) {
            KeyedValues.judge(c, start, pos, this, field, out);
        }
    }

    private void literal() {
        int start = pos;
        while (pos < end && Character.isLetter(c[pos])) {
            pos++;
        }
        String word = new String(c, start, pos - start);
        if (!word.equals("true") && !word.equals("false") && !word.equals("null")) {
            throw MALFORMED;
        }
        frames.noteElement(false, 0, 0);
    }

    /** A decimal (number or numeric string) directly under a member whose name may be a latitude or longitude. */
    private void offerCoordinate(int start, int stop) {
        if (!frames.memberMayBeCoordinate()) {
            return;
        }
        KeyName key = key();
        if (key.latitude() || key.longitude()) {
            frames.pairs().offer(key, where().substring(scope.length() + 1), new String(c, start, stop - start), field, start, stop);
        }
    }

    private void beginValue() {
        valueKey = null;
        valueWhere = null;
    }

    @Override
    public KeyName key() {
        if (valueKey == null) {
            valueKey = frames.key(frames.top());
        }
        return valueKey;
    }

    @Override
    public String where() {
        if (valueWhere == null) {
            valueWhere = scope + " " + frames.path(root, frames.top(), true);
        }
        return valueWhere;
    }

    private static int skipSpace(char[] c, int i, int end) {
        while (i < end) {
            char ch = c[i];
            if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /** Thrown, pre-built and without a stack trace, where the text stops being JSON. */
    private static final class Malformed extends RuntimeException {
        Malformed() {
            super("malformed JSON", null, false, false);
        }
    }
}
