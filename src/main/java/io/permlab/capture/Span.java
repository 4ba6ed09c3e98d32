package io.permlab.capture;

/**
 * A stretch of scanned text to replace when masking: {@code field} says which value of a multi-value source (query
 * parameters, cookies, storage entries) it lies in, 0 for a single text.
 */
record Span(int field, int start, int end, String replacement) {
    Span shifted(int field, int offset) {
        return new Span(field, start + offset, end + offset, replacement);
    }
}
