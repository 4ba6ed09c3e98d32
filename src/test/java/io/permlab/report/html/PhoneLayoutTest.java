package io.permlab.report.html;

import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static io.permlab.report.html.PageStyle.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** What the page's own stylesheet does to the report on a phone (390 px): nothing the reader needs is off-screen. */
class PhoneLayoutTest {
    @TempDir
    Path out;

    private String render(RunResult run) throws IOException {
        new HtmlReportWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, Lang.EN, false));
        return Files.readString(out.resolve(HtmlReportWriter.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void anEvidenceRowStacksSoItsExcerptHasTheWholeWidth() throws IOException {
        String html = render(SampleRuns.run(out));

        // the excerpt (a URL, a request, a screenshot) is the last cell of its row...
        assertThat(html).containsPattern(Pattern.compile("<td><code class=\"excerpt\">[^<]*</code>(?:<br>.*?)?</td></tr>"));
        PageStyle style = PageStyle.of(html);
        // ...and on a phone that cell is a line of its own, under kind, location and symbol run together: a fourth
        // column squeezed it to a few letters a line, pushed off the screen
        assertThat(style.at(PHONE, "table.evidence td:last-child")).containsEntry("display", "block");
        assertThat(style.at(PHONE, "table.evidence td")).containsEntry("display", "inline");
        assertThat(style.at(PHONE, "table.evidence tr")).containsEntry("display", "block");
        assertThat(style.at(PHONE, "table.evidence thead")).containsEntry("display", "none");
        assertThat(style.at(PHONE, "table.evidence td")).doesNotContainKey("min-width");
    }

    @Test
    void aTargetIdInTheSummaryBreaksAtItsHyphensNotLetterByLetter() throws IOException {
        String html = render(SampleRuns.run(out));
        String list = html.substring(html.indexOf("<table class=\"list\">"));
        list = list.substring(0, list.indexOf("</table>"));

        // code breaks anywhere (a long class name must not widen the page), which made the ID column as narrow as a
        // letter: "demo-delive / ry-android". The target's ID is marked, and its style keeps its words whole.
        assertThat(list).containsPattern(Pattern.compile("<td><code class=\"id\">[^<]+</code></td>"));
        assertThat(PageStyle.of(html).top("code").get("overflow-wrap")).isEqualTo("anywhere");
        assertThat(PageStyle.of(html).top("code.id")).containsEntry("overflow-wrap", "normal");
        // the ID column so widened, the list's cells are as tight as the counts' above it, to stay within 390 px
        assertThat(PageStyle.of(html).at(PHONE, "table.list td")).isEqualTo(PageStyle.of(html).at(PHONE, "table.counts td"));
    }
}
