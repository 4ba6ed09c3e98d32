package io.permlab.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies the masking spans of hits to the text they were found in. */
final class Spans {
    private Spans() {
    }

    /** {@code text} with the spans of {@code hits} that lie in {@code field} replaced; overlaps keep the earliest, then longest. */
    static String apply(String text, List<Hit> hits, int field) {
        List<Span> spans = new ArrayList<>();
        for (Hit h : hits) {
            for (Span s : h.spans()) {
                if (s.field() == field) {
                    spans.add(s);
                }
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(s -> -(s.end() - s.start())));
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        for (Span s : spans) {
            if (s.start() < last || s.end() > text.length()) {
                continue;
            }
            sb.append(text, last, s.start()).append(s.replacement());
            last = s.end();
        }
        return sb.append(text, last, text.length()).toString();
    }
}
