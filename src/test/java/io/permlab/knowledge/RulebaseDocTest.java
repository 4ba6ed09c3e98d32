package io.permlab.knowledge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rulebase.md explains every rule the knowledge defines, and no rule that does not exist. */
class RulebaseDocTest {
    private static final Pattern RULE_ROW = Pattern.compile("^\\| `([A-Z]+-[A-Z0-9-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyRuleHasItsRowAndEveryRowARule() throws IOException {
        String doc = Files.readString(Path.of("docs/rulebase.md"));
        KnowledgeBase kb = KnowledgeBase.builtIn();
        java.util.List<String> rows = new java.util.ArrayList<>();
        Matcher m = RULE_ROW.matcher(doc);
        while (m.find()) {
            rows.add(m.group(1));
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(kb.rules().stream().map(RuleMeta::id).toList());
    }

    /** A rule whose severity depends on the case says how in its catalogue entry, and README and this page say the same. */
    @Test
    void everySeverityNoteIsRepeatedInTheRulebaseAndReadme() throws IOException {
        String doc = Files.readString(Path.of("docs/rulebase.md")).replaceAll("\\s+", " ");
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        java.util.List<RuleMeta> graded = KnowledgeBase.builtIn().rules().stream().filter(r -> r.severityNote() != null).toList();
        assertThat(graded).extracting(RuleMeta::id).contains("DYN-PERM-MANDATORY");
        for (RuleMeta r : graded) {
            assertThat(doc).as(r.id() + " in docs/rulebase.md").contains(r.severityNote().en());
            assertThat(readme).as(r.id() + " in README.md").contains(r.severityNote().en());
        }
    }

    @Test
    void theDocumentedReaskWindowIsTheBuiltInOne() throws IOException {
        String doc = Files.readString(Path.of("docs/rulebase.md"));
        long seconds = KnowledgeBase.builtIn().rule("DYN-PERM-REASK").orElseThrow().wholeParam("reaskWindowSeconds");
        assertThat(doc).contains(seconds + " s = " + seconds / 3600 + " h by default");
    }
}
