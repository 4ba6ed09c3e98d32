package io.permlab.report.html;

import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Stage;
import io.permlab.report.Masking;
import io.permlab.report.ReportOptions;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {
    @TempDir
    Path out;

    private String render(RunResult run, Lang lang) throws IOException {
        new HtmlReportWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, lang, false));
        return Files.readString(out.resolve(HtmlReportWriter.FILE), StandardCharsets.UTF_8);
    }

    /** The part of the page that belongs to one target's section. */
    private static String section(String html, String targetName) {
        int start = html.indexOf("<h2 id=\"target-");
        while (start >= 0 && !html.startsWith(targetName, html.indexOf('>', start) + 1)) {
            start = html.indexOf("<h2 id=\"target-", start + 1);
        }
        assertThat(start).as("section of " + targetName).isNotNegative();
        int end = html.indexOf("<section class=\"target\"", start);
        return end < 0 ? html.substring(start) : html.substring(start, end);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void showsAFindingInBothLanguagesWithItsLegalBasisAndRemediation() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);

        assertThat(html).contains(SampleRuns.NOT_NECESSARY_ZH, SampleRuns.NOT_NECESSARY_EN);
        assertThat(html).contains("申请与应用类型无关的敏感权限", "Sensitive permission not necessary for the app&#39;s category");
        assertThat(html).contains("认定方法 四.1", "《App违法违规收集使用个人信息行为认定方法》（国信办秘字〔2019〕191号）",
                "Methods for Identifying Illegal Collection and Use of PI by Apps");
        String remediation = SampleRuns.knowledge().rule("APK-PERM-NOT-NECESSARY").orElseThrow().remediation().zh();
        assertThat(html).contains(remediation);
    }

    @Test
    void opensInTheRequestedLanguageAndCarriesTheSwitch() throws IOException {
        assertThat(render(SampleRuns.run(out), Lang.EN)).contains("<html lang=\"en\" data-lang=\"en\">");
        String zh = render(SampleRuns.run(out), Lang.ZH);
        assertThat(zh).contains("<html lang=\"zh-CN\" data-lang=\"zh\">", "data-set-lang=\"en\"", "data-set-lang=\"zh\"");
        assertThat(zh).contains("html[data-lang=\"zh\"] .en, html[data-lang=\"en\"] .zh { display: none !important; }");
    }

    @Test
    void groupsFindingsUnderAllFiveStagesInEnumOrder() throws IOException {
        String target = section(render(SampleRuns.run(out), Lang.ZH), "外卖 app.apk");
        List<String> headings = all(Pattern.compile("<h4 class=\"stage-heading\">(.*?)</h4>"), target);

        assertThat(headings).hasSize(Stage.values().length);
        for (int i = 0; i < Stage.values().length; i++) {
            assertThat(headings.get(i)).contains(Stage.values()[i].label().zh(), Stage.values()[i].label().en());
        }
        String useTransfer = target.substring(target.indexOf("id=\"target-1-use_transfer\""), target.indexOf("id=\"target-1-management\""));
        assertThat(useTransfer).contains("APK-SDK-COLLECTS-PI").doesNotContain("APK-DEBUGGABLE");
        String management = target.substring(target.indexOf("id=\"target-1-management\""), target.indexOf("id=\"target-1-security\""));
        assertThat(management).contains("无发现", "No findings");
    }

    @Test
    void groupsFindingsByLegalClauseWithTheSourcesFullName() throws IOException {
        String target = section(render(SampleRuns.run(out), Lang.ZH), "外卖 app.apk");
        Pattern heading = Pattern.compile("<h4 class=\"clause-heading\"><span class=\"zh\" lang=\"zh-CN\">(.*?)</span><span class=\"en\" lang=\"en\">(.*?)</span></h4>");
        List<String> clauses = all(heading, target);
        List<String> english = new ArrayList<>();
        Matcher m = heading.matcher(target);
        while (m.find()) {
            english.add(m.group(2));
        }

        // in the order they first appear in the stage view: collection, use and transfer, security
        assertThat(clauses).containsExactly("认定方法 四.1", "必要信息规定 第四条、第五条", "认定方法 二.1", "认定方法 五.1", "PIPL 第五十一条");
        // the English view names the same clauses in English
        assertThat(english).containsExactly("CAC Methods IV.1", "Necessary PI Rules Art. 4, 5", "CAC Methods II.1", "CAC Methods V.1", "PIPL Art. 51");
        String pipl = target.substring(target.indexOf("<h4 class=\"clause-heading\"><span class=\"zh\" lang=\"zh-CN\">PIPL 第五十一条</span>"), target.indexOf("class=\"evidence-summary\""));
        assertThat(pipl).contains("《中华人民共和国个人信息保护法》", "Personal Information Protection Law of the PRC (PIPL)",
                "APK-DEBUGGABLE", "APK-HTTP-ENDPOINT", "APK-EXPORTED-COMPONENT").doesNotContain("APK-SDK-COLLECTS-PI");
    }

    @Test
    void saysPlainlyWhenNoCategoryWasGiven() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);

        assertThat(section(html, "外卖 app.apk")).contains("餐饮外卖", "food delivery").doesNotContain("category-missing");
        assertThat(section(html, "nocat.apk")).contains("category-missing", "未应用必要性规则", "necessity rules").contains("were not applied");
        assertThat(section(html, "broken.apk")).contains("category-missing");
    }

    @Test
    void showsProcessingErrorsProminentlyInTheSummaryAndTheTarget() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);

        String summary = html.substring(html.indexOf("id=\"summary-h\""), html.indexOf("<section class=\"target\""));
        String alert = summary.substring(summary.indexOf("role=\"alert\""), summary.indexOf("</div>"));
        assertThat(alert).contains("href=\"#target-2\"", "href=\"#target-3\"").doesNotContain("href=\"#target-1\"");
        String nocat = section(html, "nocat.apk");
        assertThat(nocat).contains("class=\"errors\" role=\"alert\"", "rule APK-EXPORTED-COMPONENT", SampleRuns.RULE_ERROR);
        String broken = section(html, "broken.apk");
        assertThat(broken).contains("不是ZIP文件 / not a zip archive", "Not inspected");
        assertThat(broken).doesNotContain("Evidence summary</span></h3>");
    }

    @Test
    void escapesMarkupFromEvidence() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);

        assertThat(html).doesNotContain(SampleRuns.SCRIPT);
        assertThat(html).contains("<code class=\"excerpt\">&lt;script&gt;alert(1)&lt;/script&gt;</code>");
        assertThat(html).contains("<code>AndroidManifest.xml:12:5</code>");
    }

    @Test
    void summarisesTheEvidenceWithWhatTheKnowledgeBaseSays() throws IOException {
        String evidence = section(render(SampleRuns.run(out), Lang.ZH), "外卖 app.apk");
        evidence = evidence.substring(evidence.indexOf("class=\"evidence-summary\""));

        assertThat(evidence).containsPattern("<tr class=\"runtime\">\\s*<td><code>android.permission.READ_CONTACTS</code>");
        assertThat(evidence).contains("通讯录", "device contacts");
        assertThat(evidence).containsPattern("<tr>\\s*<td><code>android.permission.INTERNET</code></td>\\s*<td></td>\\s*<td>normal</td>");
        assertThat(evidence).containsPattern("WRITE_EXTERNAL_STORAGE</code>.*?</td>\\s*<td>28</td>");
        assertThat(evidence).containsPattern("com.example.permission.PRIVATE</code></td>\\s*<td></td>\\s*<td><span class=\"zh\" lang=\"zh-CN\">未收录");
        assertThat(evidence).contains("Umeng analytics/push (友盟)", "Alibaba");
        assertThat(evidence).contains("读取IMEI/MEID", "reads IMEI/MEID", "<td>9</td>", "com.waimai.Device.id5", "and 4 more")
                .doesNotContain("com.waimai.Device.id6");
        assertThat(evidence).contains("http://api.waimai.example/u?phone=" + SampleRuns.MASKED_PHONE);
        assertThat(evidence).contains("3 components, 2 exported (2 without a permission).");
    }

    @Test
    void isSelfContainedAndPrintable() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);

        assertThat(html).doesNotContain("<link", " src=", "@import", "url(", "href=\"http");
        assertThat(html).contains("@media print");
        assertThat(html).containsOnlyOnce("<script>");
    }

    @Test
    void summaryCountsFindingsBySeverityAcrossTargets() throws IOException {
        String html = render(SampleRuns.run(out), Lang.ZH);
        String counts = html.substring(html.indexOf("<table class=\"counts\">"), html.indexOf("</table>", html.indexOf("<table class=\"counts\">")));
        List<String> cells = all(Pattern.compile("<td(?: class=\"warn\")?>(\\d+)</td>"), counts);

        // targets, findings, errors, then critical, high, medium, low, info
        assertThat(cells).containsExactly("3", "6", "2", "1", "2", "1", "1", "1");
    }
}
