package io.permlab.report.html;

import io.permlab.model.Evidence;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy table says in both languages whether the policy could be opened before consent — never a raw boolean. */
class PolicySectionHtmlTest {
    @TempDir
    Path out;

    private String reachableRow(Boolean reachable) throws IOException {
        Target t = new Target("h5", "https://waimai.example/", TargetKind.H5, null, "utilities", List.of());
        PrivacyPolicyFacts policy = PrivacyPolicyFacts.without(PolicyStatus.FOUND, "https://waimai.example/policy.html", "url",
                reachable, "");
        RunResult run = new RunResult("run", "PermLab", "1.2.3", Instant.parse("2026-12-06T08:00:00Z"),
                Instant.parse("2026-12-06T08:00:01Z"), List.of(new TargetResult(t, Evidence.of(t, policy), List.of(), List.of(), 10, List.of())));
        new HtmlReportWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, Lang.ZH, false));
        String html = Files.readString(out.resolve(HtmlReportWriter.FILE), StandardCharsets.UTF_8);
        int row = html.indexOf("Reachable before consent");
        assertThat(row).as("the policy table's reachability row").isPositive();
        return html.substring(row, html.indexOf("</tr>", row));
    }

    @Test
    void reachableBeforeConsentReadsYes() throws IOException {
        String row = reachableRow(true);
        assertThat(row).contains("是", "yes").doesNotContain("true");
    }

    @Test
    void unreachableBeforeConsentReadsNo() throws IOException {
        String row = reachableRow(false);
        assertThat(row).contains("否", "no").doesNotContain("false");
    }

    @Test
    void unknownReachabilitySaysItWasNotDetermined() throws IOException {
        String row = reachableRow(null);
        assertThat(row).contains("未能判断", "not determined").doesNotContain("?");
    }
}
