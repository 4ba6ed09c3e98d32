package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.CodeLocation;

/**
 * A file's text with its line starts, to turn offsets into 1-based line and column and to cut the excerpt evidence
 * shows: the line, trimmed, or a window around the column when the line is long (minified code is one line).
 */
final class SourceText {
    private static final int BEFORE = 50;
    private static final int AFTER = 110;

    private final String shownPath;
    private final String text;
    private int[] lineStarts;

    SourceText(String shownPath, String text) {
        this.shownPath = shownPath;
        this.text = text;
    }

    String text() {
        return text;
    }

    String path() {
        return shownPath;
    }

    /** The location of a character offset. */
    CodeLocation at(int offset) {
        int line = lineOf(offset);
        return at(line, offset - lineStarts[line - 1] + 1);
    }

    /** The location of a 1-based line and column. */
    CodeLocation at(int line, int column) {
        return new CodeLocation(shownPath, line, column, excerpt(line, column));
    }

    String excerpt(int line, int column) {
        int[] starts = starts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end - start <= BEFORE + AFTER) {
            return text.substring(start, end).strip();
        }
        int at = Math.min(end, start + Math.max(0, column - 1));
        int from = Math.max(start, at - BEFORE);
        int to = Math.min(end, at + AFTER);
        return (from > start ? "…" : "") + text.substring(from, to).strip() + (to < end ? "…" : "");
    }

    int lineOf(int offset) {
        int[] starts = starts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int[] starts() {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            int[] s = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    s[k++] = i + 1;
                }
            }
            lineStarts = s;
        }
        return lineStarts;
    }
}
