package io.permlab.capture;

/** The first two elements of a JSON array if both are decimals, and whether the array had exactly those two. */
final class ArrayPair {
    private final int[] start = new int[2];
    private final int[] end = new int[2];
    private int decimals;
    private int elements;

    void note(boolean decimal, int from, int to) {
        if (decimal && decimals < 2 && decimals == elements) {
            start[decimals] = from;
            end[decimals] = to;
            decimals++;
        }
        elements++;
    }

    boolean isPair() {
        return elements == 2 && decimals == 2;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    void reset() {
        decimals = 0;
        elements = 0;
    }
}
