package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The re-ask window is the rule's "reaskWindowSeconds" parameter in knowledge/rules-dynamic.json: 48 hours built in,
 * replaced by a rules-dynamic.json in the --knowledge folder. A re-ask exactly at the window's end still counts.
 */
class ReaskWindowParameterTest {
    private static final String OK = "success:accuracy=10";
    private static final String REFUSED = "error:1 User denied Geolocation";
    private static final String FILE = "rules-dynamic.json";

    private final Run baseline = baseline().request("geolocation", 500, 0, OK, null).request("geolocation", 1800, 2, OK, null).build();
    /** Refused at 1.8 s, asked again at 2.8 s and 3.8 s, and at 9 s after the page was reopened. */
    private final Run nagging = denied("geolocation").failed()
            .request("geolocation", 1800, 2, REFUSED, null)
            .request("geolocation", 2800, 2, REFUSED, null)
            .request("geolocation", 3800, 2, REFUSED, null)
            .request("geolocation", 9000, 7, REFUSED, null, true).build();

    @Test
    void theBuiltInWindowIs48Hours() {
        assertThat(KnowledgeBase.builtIn().rule("DYN-PERM-REASK").orElseThrow().wholeParam("reaskWindowSeconds")).isEqualTo(48 * 3600);
        assertThat(messages(KnowledgeBase.builtIn())).singleElement().asString()
                .contains("asked again by itself 2 times in the same session and 1 time after reopening", "window: 48h");
    }

    @Test
    void aShorterWindowLeavesOutTheReaskAfterReopening(@TempDir Path dir) throws IOException {
        assertThat(messages(withWindow(dir, "5"))).singleElement().asString()
                .contains("asked again by itself 2 times in the same session and 0 times after reopening", "window: 5s");
    }

    @Test
    void aReaskExactlyAtTheWindowsEndCounts(@TempDir Path dir) throws IOException {
        // 2.8 s is exactly 1 s after the first request, 3.8 s exactly 2 s after it
        assertThat(messages(withWindow(dir, "1"))).singleElement().asString().contains("asked again by itself 1 time in the same session");
        assertThat(messages(withWindow(dir, "2"))).singleElement().asString().contains("asked again by itself 2 times");
    }

    @Test
    void aZeroWindowCountsNoReask(@TempDir Path dir) throws IOException {
        assertThat(messages(withWindow(dir, "0"))).isEmpty();
    }

    @Test
    void aNegativeOrNonNumericWindowIsRefusedWithFileLineAndField(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> withWindow(dir, "-1")).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(FILE) + ":")
                .hasMessageContaining("$.rules[4].params.reaskWindowSeconds")
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> withWindow(dir, "\"48h\"")).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("$.rules[4].params.reaskWindowSeconds")
                .hasMessageContaining("must be a number");
    }

    private List<String> messages(KnowledgeBase kb) {
        List<Finding> f = findings(new PermissionReaskRule(), exploration(baseline, nagging), null, kb);
        return f.stream().map(x -> x.message().en()).toList();
    }

    private static KnowledgeBase withWindow(Path dir, String value) throws IOException {
        String text = builtIn().replace("\"reaskWindowSeconds\": 172800", "\"reaskWindowSeconds\": " + value);
        assertThat(text).contains("\"reaskWindowSeconds\": " + value);
        Files.writeString(dir.resolve(FILE), text);
        return KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
    }

    private static String builtIn() throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
