package io.permlab.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTextTest {
    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAndThePairsStay() throws CharacterCodingException {
        String cleaned = TargetText.clean("a\ud800b\udc00c\ud83d\ude00d\ud83d");
        assertThat(cleaned).isEqualTo("a\uFFFDb\uFFFDc\ud83d\ude00d\uFFFD");
        // The point of it: the result encodes as strict UTF-8.
        StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(cleaned));
    }

    @Test
    void controlCharactersAreDroppedExceptTabAndLineBreaks() {
        assertThat(TargetText.clean("a\u0000b\u0007c\u001fd\te\nf\rg\u007fh")).isEqualTo("abcd\te\nf\rg\u007fh");
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String s = "鲜味外卖 😀 ok";
        assertThat(TargetText.clean(s)).isSameAs(s);
        assertThat(TargetText.clean(null)).isNull();
    }
}
