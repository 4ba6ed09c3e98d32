package io.permlab.pipeline.dynamic;

import io.permlab.exercise.flow.FlowException;
import io.permlab.exercise.flow.FlowParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a mini-program flow may open: a page of app.json (subpackages included), never a URL. */
class MiniProgramPagesTest {
    static final Path SAMPLE = Path.of("apps/demo-delivery-miniprogram/miniprogram");

    @Test
    void pagesOfTheMainPackageAndSubpackagesMayBeOpenedWithAQuery() {
        MiniProgramPages pages = MiniProgramPages.of(SAMPLE);
        assertThat(pages.all()).containsExactly("pages/index/index", "pages/address/address", "packageOrder/pages/checkout/checkout");
        assertThat(pages.problem("/packageOrder/pages/checkout/checkout?addressId=7")).isNull();
        assertThat(pages.problem("pages/index/index")).isNull();
        assertThat(pages.problem("/pages/nowhere")).contains("no page 'pages/nowhere'");
        assertThat(pages.problem("http://evil.example/")).contains("is a URL");
    }

    @Test
    void aFlowOpeningAnUnknownPageIsAFlowErrorAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("f.flow.json");
        Files.writeString(flow, "{\"function\": \"f\", \"steps\": [\n  {\"open\": \"/pages/nowhere/nowhere\"},\n"
                + "  {\"checkpoint\": {\"text\": \"x\"}}\n]}\n");
        MiniProgramPages pages = MiniProgramPages.of(SAMPLE);
        assertThatThrownBy(() -> FlowParser.parse(flow, pages::problem))
                .isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.getMessage()).contains("f.flow.json", ":2:", "no page 'pages/nowhere/nowhere'"));
    }

    @Test
    void anAppJsonThatIsNotJsonIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [");
        assertThatThrownBy(() -> MiniProgramPages.of(dir)).hasMessageContaining("app.json cannot be read");
    }
}
