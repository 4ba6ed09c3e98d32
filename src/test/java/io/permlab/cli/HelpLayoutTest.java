package io.permlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Help read in an 80-column terminal: no line wraps, so every example stays one line a user can copy. */
class HelpLayoutTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "scan", "run", "demo", "doctor", "categories", "rules"})
    void everyHelpLineFitsEightyColumns(String command) {
        StringWriter out = new StringWriter();
        String[] args = command.isEmpty() ? new String[]{"--help"} : new String[]{command, "--help"};
        assertThat(PermLab.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args)).isZero();
        assertThat(out.toString().lines()).allSatisfy(line -> assertThat(columns(line)).as(line).isLessThanOrEqualTo(80));
        // each example is whole on its own line, not broken where the terminal ran out
        assertThat(out.toString().lines().filter(l -> l.startsWith("  permlab ")))
                .allSatisfy(l -> assertThat(l.strip()).doesNotEndWith("--"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"  permlab run apps/demo-delivery --appium http://127.0.0.1:4723",
            "  permlab demo --out reports/demo"})
    void examplesAreWholeLines(String example) {
        StringWriter out = new StringWriter();
        PermLab.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                example.contains(" run ") ? new String[]{"run", "--help"} : new String[]{"--help"});
        assertThat(out.toString().lines()).contains(example);
    }

    /** Display columns: CJK characters take two. */
    private static int columns(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            n += s == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }
}
