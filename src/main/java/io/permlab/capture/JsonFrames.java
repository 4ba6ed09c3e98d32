package io.permlab.capture;

import java.util.Arrays;

/**
 * The open objects and arrays of a JSON walk, innermost last: for each, whether it is an array, the index of the
 * current element or the name of the current member (kept as offsets into the text, made a string only when
 * needed), and what it collects on the way (latitudes and longitudes, an array's first two numbers).
 */
final class JsonFrames {
    private static final int MAX_DEPTH = 512;

    private final char[] c;
    private int depth;
    private boolean[] array = new boolean[16];
    private int[] index = new int[16];
    private int[] keyStart = new int[16];
    private int[] keyEnd = new int[16];
    private boolean[] keyEscaped = new boolean[16];
    private CoordinatePairs[] pairs = new CoordinatePairs[16];
    private ArrayPair[] numbers = new ArrayPair[16];

    JsonFrames(char[] c) {
        this.c = c;
    }

    int depth() {
        return depth;
    }

    int top() {
        return depth - 1;
    }

    boolean isArray(int f) {
        return array[f];
    }

    /** Opens an object or array; false when nesting is deeper than any real payload (the walk gives up). */
    boolean push(boolean isArray) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        if (depth == array.length) {
            int n = depth * 2;
            array = Arrays.copyOf(array, n);
            index = Arrays.copyOf(index, n);
            keyStart = Arrays.copyOf(keyStart, n);
            keyEnd = Arrays.copyOf(keyEnd, n);
            keyEscaped = Arrays.copyOf(keyEscaped, n);
            pairs = Arrays.copyOf(pairs, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        array[depth] = isArray;
        index[depth] = 0;
        keyStart[depth] = keyEnd[depth] = 0;
        keyEscaped[depth] = false;
        pairs[depth] = null;
        if (numbers[depth] != null) {
            numbers[depth].reset();
        }
        depth++;
        return true;
    }

    void pop() {
        depth--;
    }

    void member(int start, int end, boolean escaped) {
        keyStart[depth - 1] = start;
        keyEnd[depth - 1] = end;
        keyEscaped[depth - 1] = escaped;
    }

    void nextElement() {
        index[depth - 1]++;
    }

    /** Whether the current member's name could name a latitude or longitude (a cheap test before reading it). */
    boolean memberMayBeCoordinate() {
        int f = depth - 1;
        return f >= 0 && !array[f] && (keyEscaped[f] || KeyName.mayBeCoordinate(c, keyStart[f], keyEnd[f]));
    }

    /** The latitudes and longitudes collected in the object on top, created on first use. */
    CoordinatePairs pairs() {
        int f = depth - 1;
        if (pairs[f] == null) {
            pairs[f] = new CoordinatePairs();
        }
        return pairs[f];
    }

    CoordinatePairs pairsOrNull(int f) {
        return pairs[f];
    }

    /** Notes an element of the array on top (nothing when the top is an object). */
    void noteElement(boolean decimal, int start, int end) {
        int f = depth - 1;
        if (f >= 0 && array[f]) {
            if (numbers[f] == null) {
                numbers[f] = new ArrayPair();
            }
            numbers[f].note(decimal, start, end);
        }
    }

    ArrayPair numbersOrNull(int f) {
        return numbers[f];
    }

    /**
     * The name that holds a value in frame {@code f}: the member name of the nearest enclosing object. A name that
     * says nothing ("id") takes its meaning from the nearest enclosing name that does ("coupon" → a business id).
     */
    KeyName key(int f) {
        int member = memberFrame(f);
        KeyName key = member < 0 ? KeyName.of("") : KeyName.of(memberName(member));
        for (int up = memberFrame(member - 1); key.neutral() && up >= 0; up = memberFrame(up - 1)) {
            KeyName outer = KeyName.of(memberName(up));
            if (!outer.neutral()) {
                return outer.businessId() ? key.asBusinessId() : key;
            }
        }
        return key;
    }

    /** The current member name of object frame {@code f}. */
    String memberName(int f) {
        return keyEscaped[f] ? JsonText.unescape(c, keyStart[f], keyEnd[f]) : new String(c, keyStart[f], keyEnd[f] - keyStart[f]);
    }

    /** "$.data[3].mobile" down to frame {@code last}; with {@code withValue} the current member or element too. */
    String path(String root, int last, boolean withValue) {
        StringBuilder sb = new StringBuilder(root);
        for (int f = 0; f <= last; f++) {
            if (f == last && !withValue) {
                break;
            }
            if (array[f]) {
                sb.append('[').append(index[f]).append(']');
            } else {
                JsonText.appendMember(sb, memberName(f));
            }
        }
        return sb.toString();
    }

    private int memberFrame(int f) {
        while (f >= 0 && array[f]) {
            f--;
        }
        return f;
    }
}
