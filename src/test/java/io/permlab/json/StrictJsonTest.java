package io.permlab.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one strict JSON reader: what it refuses, and where its errors point. */
class StrictJsonTest {
    @Test
    void everyValueKnowsItsLineAndColumn() {
        JsonNode.Obj root = (JsonNode.Obj) StrictJson.parse("{\n  \"a\": [1, true],\n  \"b\": {\"c\": \"x\"}\n}", "f.json");
        assertThat(root.arr("a").items().get(1)).isEqualTo(new JsonNode.Bool(true, 2, 12));
        assertThat(root.obj("b").get("c")).isEqualTo(new JsonNode.Str("x", 3, 14));
    }

    @Test
    void duplicateKeysCommentsAndTrailingCommasAreRefused() {
        assertThatThrownBy(() -> StrictJson.parse("{\"a\": 1,\n \"a\": 2}", "f.json")).isInstanceOf(JsonFileException.class)
                .hasMessage("f.json:2:2: $.a: duplicate key 'a'");
        assertThatThrownBy(() -> StrictJson.parse("{\"a\": 1 /* x */}", "f.json")).hasMessageStartingWith("f.json:1:");
        assertThatThrownBy(() -> StrictJson.parse("{\"a\": 1,}", "f.json")).hasMessageStartingWith("f.json:1:");
        assertThatThrownBy(() -> StrictJson.parse("{} {}", "f.json")).hasMessageContaining("unexpected content after the end");
        assertThatThrownBy(() -> StrictJson.parse("", "f.json")).hasMessageContaining("empty document");
    }

    @Test
    void nestingIsBoundedAtTheLimit() {
        String ok = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertThat(StrictJson.parse(ok, "f.json")).isInstanceOf(JsonNode.Arr.class);
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 2) + "]".repeat(StrictJson.MAX_DEPTH + 2);
        assertThatThrownBy(() -> StrictJson.parse(deep, "f.json")).hasMessageContaining("nested deeper than " + StrictJson.MAX_DEPTH);
    }

    @Test
    void aFileMustBeUtf8AndMayStartWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.write(bad, new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
        assertThatThrownBy(() -> StrictJson.parse(bad)).hasMessage(bad + ": the text is not valid UTF-8");
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF{\"a\": \"é\"}");
        assertThat(((JsonNode.Obj) StrictJson.parse(bom)).str("a")).isEqualTo("é");
        assertThatThrownBy(() -> StrictJson.parse(dir.resolve("missing.json"))).hasMessageContaining("cannot read");
    }

    @Test
    void typedFieldsNameFileLineAndPath() {
        Fields f = StrictJson.object(StrictJson.parse("{\n \"n\": 2.5,\n \"o\": {\"s\": 1},\n \"l\": [\"x\", 2]\n}", "f.json"), "f.json");
        assertThat(f.number("n")).isEqualTo(2.5);
        assertThatThrownBy(() -> f.integer("n")).hasMessage("f.json:2:7: $.n: must be a whole number");
        assertThatThrownBy(() -> f.object("o").string("s")).hasMessage("f.json:3:13: $.o.s: must be a string");
        assertThatThrownBy(() -> f.strings("l")).hasMessage("f.json:4:13: $.l[1]: must be a string");
        assertThatThrownBy(() -> f.text("absent")).hasMessage("f.json:1:1: $.absent: is required");
        assertThat(f.optString("absent")).isNull();
        assertThat(f.bool("absent", true)).isTrue();
    }

    @Test
    void wholeNumbersAtTheIntBoundaries() {
        Fields f = StrictJson.object(StrictJson.parse("{\"max\": 2147483647, \"over\": 2147483648, \"e\": 3e2}", "f.json"), "f.json");
        assertThat(f.integer("max")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> f.integer("over")).hasMessageContaining("$.over: must be a whole number between");
        assertThat(f.integer("e")).isEqualTo(300);
    }

    @Test
    void aRootThatIsNotAnObjectIsNamed() {
        assertThatThrownBy(() -> StrictJson.object(StrictJson.parse("[1]", "f.json"), "f.json")).hasMessage("f.json:1:1: $: must be a JSON object");
    }
}
