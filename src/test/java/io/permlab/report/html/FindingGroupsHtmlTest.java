package io.permlab.report.html;

import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.Localized;
import io.permlab.model.RunResult;
import io.permlab.model.Severity;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Many findings of one rule in one target read as one entry with a count, and the page says what it left out. */
class FindingGroupsHtmlTest {
    private static final int EXPORTED = 45;

    @TempDir
    Path out;

    @Test
    void repeatedFindingsAreShownOnceWithTheirCountAndACappedCollapsedList() throws IOException {
        String html = render(run(EXPORTED));

        assertThat(count(html, "<article class=\"finding group sev-medium\"")).isEqualTo(1);
        assertThat(html).contains("× " + EXPORTED);
        // the first twenty are listed, the rest counted, and the list is collapsed until opened
        assertThat(html).contains("receiver com.example.R1 ").contains("receiver com.example.R20 ")
                .doesNotContain("receiver com.example.R21 ");
        assertThat(html).contains((EXPORTED - FindingGroups.MAX_SHOWN) + " more findings of this kind are not listed on this page");
        assertThat(html).containsPattern(Pattern.compile("<details class=\"instances\">\\s*<summary>"));
        assertThat(html).doesNotContain("<details open");
        // the single finding of another rule keeps its own entry, its evidence collapsed too
        assertThat(count(html, "<article class=\"finding sev-high\"")).isEqualTo(1);
        assertThat(html).containsPattern(Pattern.compile("<details class=\"evidence\">\\s*<summary>"));
        // the clause table has one row for the group, not one per finding
        assertThat(count(html, "<a href=\"#target-1-f2\"><code>APK-EXPORTED-COMPONENT</code></a>")).isEqualTo(1);
    }

    @Test
    void thePageGrowsWithTheKindsOfFindingsNotWithTheirNumber() throws IOException {
        long few = render(run(25)).length();
        long many = render(run(2500)).length();
        assertThat(many).isLessThan(few + 2_000);
    }

    private String render(RunResult run) throws IOException {
        new HtmlReportWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, Lang.ZH, false));
        return Files.readString(out.resolve(HtmlReportWriter.FILE));
    }

    private static RunResult run(int exported) {
        Target t = new Target("many", "many.apk", TargetKind.APK, Path.of("many.apk"), null, List.of());
        List<Finding> findings = new ArrayList<>();
        findings.add(SampleRuns.finding("APK-DEBUGGABLE", t, Severity.HIGH, new Localized("可调试。", "Debuggable."), "fp-d",
                EvidencePointer.of("manifest", "AndroidManifest.xml", "application", "<application android:debuggable=\"true\">")));
        for (int i = 1; i <= exported; i++) {
            String name = "com.example.R" + i;
            findings.add(SampleRuns.finding("APK-EXPORTED-COMPONENT", t, Severity.MEDIUM,
                    new Localized("receiver " + name + " 已导出。", "receiver " + name + " is exported."), "fp-" + i,
                    EvidencePointer.of("manifest", "AndroidManifest.xml", "receiver", "<receiver android:name=\"" + name + "\">")));
        }
        return new RunResult("scan", "PermLab", "1.2.3", null, null,
                List.of(new TargetResult(t, Evidence.of(t, SampleRuns.facts("com.example")), findings, List.of(), 1, SampleRuns.APK_RULES)));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
