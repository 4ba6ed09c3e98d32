package io.permlab.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hostile name could do to a terminal (recolour, retitle, clear, fake a line), removed; the readable text kept. */
class TerminalTextTest {
    @Test
    void csiSequencesGoWhole() {
        assertThat(TerminalText.clean("a\u001b[31;1mred\u001b[0m\u001b[2J\u001b[?25l b")).isEqualTo("ared b");
        assertThat(TerminalText.clean("a\u009b31mb")).isEqualTo("ab");
    }

    @Test
    void oscAndStringSequencesGoWholeWhateverEndsThem() {
        assertThat(TerminalText.clean("x\u001b]0;owned\u0007y")).isEqualTo("xy");
        assertThat(TerminalText.clean("x\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\y")).isEqualTo("xlinky");
        assertThat(TerminalText.clean("x\u001bPq#0;2;0;0;0\u001b\\y")).isEqualTo("xy");
        assertThat(TerminalText.clean("x\u009d0;title\u009cy")).isEqualTo("xy");
        assertThat(TerminalText.clean("x\u001b]0;never ended")).isEqualTo("x");
    }

    @Test
    void otherControlsGoAndLineBreaksBecomeSpaces() {
        assertThat(TerminalText.clean("a\u0008\u0000\u007f\u0085b\u001bc")).isEqualTo("ab");
        assertThat(TerminalText.clean("app.apk\r\n2026-12-06 fake [ok]")).isEqualTo("app.apk 2026-12-06 fake [ok]");
    }

    @Test
    void ordinaryTextStays() {
        String text = "鲜味外卖 [ok] 3 findings (1 high)\ttab, 138****5678";
        assertThat(TerminalText.clean(text)).isEqualTo(text);
    }
}
