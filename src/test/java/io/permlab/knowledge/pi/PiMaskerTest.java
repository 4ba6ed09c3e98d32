package io.permlab.knowledge.pi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiMaskerTest {

    @Test
    void masksInTheFormatsReportsUse() {
        assertThat(PiDetector.mask("tel 13812345678")).isEqualTo("tel 138****5678");
        assertThat(PiDetector.mask("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(PiDetector.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(PiDetector.mask("4111111111111111")).isEqualTo("4111********1111");
        assertThat(PiDetector.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PiDetector.mask("31.230416,121.473701")).isEqualTo("31.23****,121.47****");
        assertThat(PiDetector.mask("沪A12345")).isEqualTo("沪A****5");
    }

    @Test
    void keepsEverythingElse() {
        String text = "POST http://api.example.com/order?phone=13812345678&id=42 at 31.230416,121.473701";
        assertThat(PiDetector.mask(text))
                .isEqualTo("POST http://api.example.com/order?phone=138****5678&id=42 at 31.23****,121.47****")
                .doesNotContain("13812345678", "230416");
        assertThat(PiDetector.mask(null)).isNull();
        assertThat(PiDetector.mask("no pi here")).isEqualTo("no pi here");
    }
}
