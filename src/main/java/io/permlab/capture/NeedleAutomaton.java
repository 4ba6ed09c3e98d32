package io.permlab.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick over a fixed set of needles, ASCII letters folded to lower case, as one dense table: each char maps to
 * a class (chars in no needle share class 0, which sends the search back to the root), and the next state is one
 * array read. Hand-written because org.ahocorasick (a map lookup per char and state) ran at 79 MB per CPU-second on
 * the benchmark corpus, too slow to add to the PI scanner within its 100 MB/s budget; this runs several times faster.
 */
final class NeedleAutomaton {
    private final char[] classOf = new char[0x10000];
    private final int classes;
    private final int[] next;
    /** Per state, the indexes of the needles that end there (its own and its suffixes'); null when none. */
    private final int[][] ends;
    private final int[] lengths;

    NeedleAutomaton(List<String> needles) {
        int k = 1;
        for (String n : needles) {
            for (int i = 0; i < n.length(); i++) {
                char c = fold(n.charAt(i));
                if (classOf[c] == 0) {
                    classOf[c] = (char) k++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[fold(c)];
        }
        classes = k;
        lengths = needles.stream().mapToInt(String::length).toArray();
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new int[classes]);
        out.add(new ArrayList<>());
        for (int idx = 0; idx < needles.size(); idx++) {
            int s = 0;
            for (char ch : needles.get(idx).toCharArray()) {
                int c = classOf[ch];
                if (trie.get(s)[c] == 0) {
                    trie.get(s)[c] = trie.size();
                    trie.add(new int[classes]);
                    out.add(new ArrayList<>());
                }
                s = trie.get(s)[c];
            }
            out.get(s).add(idx);
        }
        next = new int[trie.size() * classes];
        ends = new int[trie.size()][];
        int[] fail = new int[trie.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < classes; c++) {
            int child = trie.get(0)[c];
            next[c] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int c = 1; c < classes; c++) {
                int child = trie.get(s)[c];
                if (child != 0) {
                    fail[child] = next[fail[s] * classes + c];
                    next[s * classes + c] = child;
                    queue.add(child);
                } else {
                    next[s * classes + c] = next[fail[s] * classes + c];
                }
            }
        }
        for (int s = 0; s < ends.length; s++) {
            ends[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Calls back with (needle index, start, end) for every occurrence, overlapping ones included. */
    void search(String text, Found found) {
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = classOf[text.charAt(i)];
            s = c == 0 ? 0 : next[s * classes + c];
            int[] e = ends[s];
            if (e != null) {
                for (int idx : e) {
                    found.at(idx, i + 1 - lengths[idx], i + 1);
                }
            }
        }
    }

    int states() {
        return ends.length;
    }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static String fold(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = fold(c[i]);
        }
        return new String(c);
    }

    @FunctionalInterface
    interface Found {
        void at(int needle, int start, int end);
    }

    @Override
    public String toString() {
        return "NeedleAutomaton" + Arrays.asList(ends.length, classes);
    }
}
