package io.permlab.knowledge.pi;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stretches of text around PI candidates, judged by PiPatterns. Overlapping windows are merged, and a match decided
 * without PiPatterns that comes near a window is judged inside it, so that matches which compete for the same chars
 * are resolved together, as PiPatterns resolves them in the whole text.
 */
final class Windows {
    private int[] bounds = new int[8];
    private int size;

    private Windows() {
    }

    static Windows add(Windows w, int start, int end) {
        Windows windows = w == null ? new Windows() : w;
        if (windows.size * 2 == windows.bounds.length) {
            windows.bounds = Arrays.copyOf(windows.bounds, windows.bounds.length * 2);
        }
        windows.bounds[windows.size * 2] = start;
        windows.bounds[windows.size * 2 + 1] = end;
        windows.size++;
        return windows;
    }

    /** PiPatterns's matches in the windows of {@code c[from, to)}, plus the matches decided before, without overlaps. */
    List<PiMatch> judge(char[] c, int from, int to, List<PiMatch> decided) {
        List<PiMatch> out = decided == null ? new ArrayList<>() : new ArrayList<>(decided);
        boolean moved = true;
        while (moved) {
            sortAndMerge(from, to);
            moved = false;
            for (int i = out.size() - 1; i >= 0; i--) {
                PiMatch m = out.get(i);
                if (near(m.start() - PiDetector.PAD, m.end() + PiDetector.PAD)) {
                    add(this, m.start() - PiDetector.PAD, m.end() + PiDetector.PAD);
                    out.remove(i);
                    moved = true;
                }
            }
        }
        widen(c, from, to);
        for (int i = 0; i < size; i++) {
            int start = bounds[i * 2];
            int end = bounds[i * 2 + 1];
            judgeOne(c, start, end, start > from, end < to, out);
        }
        return Overlaps.resolve(out);
    }

    /** A match touching a cut edge is not trusted: PiPatterns could not see the char beyond it. */
    private static void judgeOne(char[] c, int start, int end, boolean cutBefore, boolean cutAfter, List<PiMatch> out) {
        String window = new String(c, start, end - start);
        for (PiMatch m : PiPatterns.find(window)) {
            if (cutBefore && m.start() == 0 || cutAfter && m.end() == window.length()) {
                continue;
            }
            out.add(new PiMatch(m.type(), m.start() + start, m.end() + start, m.value(), m.decimals()));
        }
    }

    /**
     * A window edge that cuts a word, an address or a list of numbers would let PiPatterns see a different text than
     * the real one (a cut address, a list paired from the wrong number): edges move out to where such runs end.
     */
    private void widen(char[] c, int from, int to) {
        for (int i = 0; i < size; i++) {
            int start = bounds[i * 2];
            int end = bounds[i * 2 + 1];
            int limit = start - 256;
            while (start > from && start > limit && joined(c[start - 1], c[start])) {
                start--;
            }
            limit = end + 256;
            while (end < to && end < limit && joined(c[end - 1], c[end])) {
                end++;
            }
            bounds[i * 2] = start;
            bounds[i * 2 + 1] = end;
        }
        sortAndMerge(from, to);
    }

    /** Whether two neighbouring chars belong to one run PiPatterns reads as a whole. */
    private static boolean joined(char a, char b) {
        return DecimalPairs.inList(a) && DecimalPairs.inList(b) || inWord(a) && inWord(b);
    }

    private static boolean inWord(char ch) {
        return PiDetector.isAlphanumeric(ch) || ch == '_' || ch == '.' || ch == '+' || ch == '-' || ch == '@' || ch == ':';
    }

    /** Whether {@code [start, end)} overlaps a window; the windows must be sorted and merged. */
    private boolean near(int start, int end) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid * 2 + 1] <= start) {
                lo = mid + 1;
            } else if (bounds[mid * 2] >= end) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Sorts the windows by start, clips them to the text and merges those that overlap. */
    private void sortAndMerge(int from, int to) {
        for (int i = 1; i < size; i++) {
            int start = bounds[i * 2];
            int end = bounds[i * 2 + 1];
            int j = i - 1;
            while (j >= 0 && bounds[j * 2] > start) {
                bounds[(j + 1) * 2] = bounds[j * 2];
                bounds[(j + 1) * 2 + 1] = bounds[j * 2 + 1];
                j--;
            }
            bounds[(j + 1) * 2] = start;
            bounds[(j + 1) * 2 + 1] = end;
        }
        int merged = 0;
        for (int i = 0; i < size; i++) {
            int start = Math.max(from, bounds[i * 2]);
            int end = Math.min(to, bounds[i * 2 + 1]);
            if (merged > 0 && start <= bounds[(merged - 1) * 2 + 1]) {
                bounds[(merged - 1) * 2 + 1] = Math.max(bounds[(merged - 1) * 2 + 1], end);
            } else {
                bounds[merged * 2] = start;
                bounds[merged * 2 + 1] = end;
                merged++;
            }
        }
        size = merged;
    }
}
