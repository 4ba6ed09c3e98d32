package io.permlab.knowledge;

import io.permlab.model.LegalRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every legal reference reads as Chinese in the Chinese view and as English in the English view. */
class LegalCitationsTest {
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    private final KnowledgeBase kb = KnowledgeBase.builtIn();

    @Test
    void englishCitationsHoldNoChineseAndChineseOnesKeepTheClauseNames() {
        for (RuleMeta r : kb.rules()) {
            for (LegalRef ref : r.legalBasis()) {
                assertThat(ref.cited().en()).as(r.id() + " " + ref.cited().zh()).doesNotContainPattern(CJK);
                assertThat(ref.sourceName().en()).as(r.id()).doesNotContainPattern(CJK);
                assertThat(ref.cited().zh()).as(r.id()).isEqualTo(ref.citation());
            }
        }
        assertThat(citations("DYN-PERM-MANDATORY")).contains("认定方法 四.2 | CAC Methods IV.2");
        assertThat(citations("APK-LOC-BACKGROUND")).contains("PIPL 第二十八条、第二十九条 | PIPL Art. 28, 29");
        assertThat(citations("APK-LOC-FINE-WITHOUT-COARSE")).doesNotContain("Android Android");
    }

    @Test
    void aChineseClauseWithoutItsEnglishFormIsRejectedWithFileAndField(@TempDir Path dir) throws IOException {
        String rules = builtIn("rules.json").replaceFirst("\\{\"source\": \"cac-191\", \"clause\": \\{\"zh\": \"四.1\", \"en\": \"IV.1\"}}",
                "{\"source\": \"cac-191\", \"clause\": \"四.1\"}");
        assertThat(rules).contains("\"clause\": \"四.1\"");
        Files.writeString(dir.resolve("rules.json"), rules);
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve("rules.json").toString())
                .hasMessageContaining("clause")
                .hasMessageContaining("{\"zh\": …, \"en\": …}");
    }

    private String citations(String ruleId) {
        return kb.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow().legalBasis().stream()
                .map(l -> l.cited().zh() + " | " + l.cited().en()).toList().toString();
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
