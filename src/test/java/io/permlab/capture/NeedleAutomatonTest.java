package io.permlab.capture;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton against the obvious search: every occurrence of every needle, ASCII case ignored. */
class NeedleAutomatonTest {
    @Test
    void findsExactlyWhatIndexOfFinds() {
        Random random = new Random(11);
        String alphabet = "abAB01张三%+";
        for (int round = 0; round < 200; round++) {
            List<String> needles = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                needles.add(NeedleAutomaton.fold(text(random, alphabet, 1 + random.nextInt(4))));
            }
            String text = text(random, alphabet + "xyz", 300);
            Set<String> found = new HashSet<>();
            new NeedleAutomaton(needles).search(text, (idx, start, end) -> found.add(idx + "@" + start + "-" + end));

            Set<String> expected = new HashSet<>();
            String folded = NeedleAutomaton.fold(text);
            for (int idx = 0; idx < needles.size(); idx++) {
                for (int at = folded.indexOf(needles.get(idx)); at >= 0; at = folded.indexOf(needles.get(idx), at + 1)) {
                    expected.add(idx + "@" + at + "-" + (at + needles.get(idx).length()));
                }
            }
            assertThat(found).as("needles %s in %s", needles, text).isEqualTo(expected);
        }
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
