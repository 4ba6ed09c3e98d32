package io.permlab.report.junit;

import io.permlab.knowledge.RuleMeta;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportWriterTest {
    @TempDir
    Path out;

    private Document write(RunResult run) throws Exception {
        new JunitReportWriter().write(Masking.mask(run), SampleRuns.knowledge(), new ReportOptions(out, Lang.ZH, false));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(JunitReportWriter.FILE).toFile());
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element suite(Document doc, String name) {
        return children(doc.getDocumentElement(), "testsuite").stream()
                .filter(s -> s.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    private static Element testCase(Element suite, String name) {
        return children(suite, "testcase").stream().filter(c -> c.getAttribute("name").equals(name)).findFirst().orElseThrow();
    }

    private static int count(Element suite, String outcome) {
        return (int) children(suite, "testcase").stream().filter(c -> !children(c, outcome).isEmpty()).count();
    }

    private static List<RuleMeta> apkRules() {
        return SampleRuns.knowledge().rules().stream().filter(r -> r.id().startsWith("APK-")).toList();
    }

    @Test
    void oneSuitePerTargetWithCountsThatMatchItsTestCases() throws Exception {
        Document doc = write(SampleRuns.run(out));
        Element root = doc.getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("waimai", "nocat", "broken");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Element s : suites) {
            assertThat(s.getAttribute("tests")).isEqualTo(String.valueOf(children(s, "testcase").size()));
            assertThat(s.getAttribute("failures")).isEqualTo(String.valueOf(count(s, "failure")));
            assertThat(s.getAttribute("errors")).isEqualTo(String.valueOf(count(s, "error")));
            assertThat(s.getAttribute("skipped")).isEqualTo(String.valueOf(count(s, "skipped")));
            tests += children(s, "testcase").size();
            failures += count(s, "failure");
            errors += count(s, "error");
            skipped += count(s, "skipped");
        }
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(tests));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(failures)).isEqualTo("6");
        assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(errors)).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(skipped)).isEqualTo(String.valueOf(apkRules().size()));
    }

    @Test
    void listsEveryApkRuleAsATestCaseAndFailsTheOnesWithFindings() throws Exception {
        Element waimai = suite(write(SampleRuns.run(out)), "waimai");

        List<Element> cases = children(waimai, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactlyElementsOf(apkRules().stream().map(r -> r.id() + " " + r.title().en()).toList());
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("waimai"));
        assertThat(waimai.getAttribute("failures")).isEqualTo("5");
        assertThat(waimai.getAttribute("errors")).isEqualTo("0");

        Element http = testCase(waimai, "APK-HTTP-ENDPOINT Hard-coded http:// endpoint");
        Element failure = children(http, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("1 finding, highest medium");
        assertThat(failure.getAttribute("type")).isEqualTo("medium");
        assertThat(failure.getTextContent()).contains("[medium] classes.dex contains the cleartext address",
                "at classes.dex (com.waimai.net.Api.login): http://api.waimai.example/u?phone=" + SampleRuns.MASKED_PHONE);
        Element debuggable = testCase(waimai, "APK-DEBUGGABLE Build is debuggable");
        assertThat(children(debuggable, "failure").get(0).getTextContent()).contains("at AndroidManifest.xml:12:5 (application): " + SampleRuns.SCRIPT);
        Element backup = testCase(waimai, "APK-ALLOW-BACKUP App data holding personal information can be backed up");
        assertThat(children(backup, "failure")).isEmpty();
    }

    @Test
    void summarisesSeveralFindingsOfOneRuleByCountAndHighestSeverity() throws Exception {
        Target t = SampleRuns.waimai(out).target();
        List<Finding> findings = List.of(
                SampleRuns.finding("APK-EXPORTED-COMPONENT", t, Severity.LOW, new Localized("甲", "first exported"), "a"),
                SampleRuns.finding("APK-EXPORTED-COMPONENT", t, Severity.HIGH, new Localized("乙", "second exported"), "b"),
                SampleRuns.finding("APK-EXPORTED-COMPONENT", t, Severity.MEDIUM, new Localized("丙", "third exported"), "c"));
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null,
                List.of(new TargetResult(t, SampleRuns.waimai(out).evidence(), findings, List.of(), 10, SampleRuns.APK_RULES)));

        Element failure = children(testCase(suite(write(run), "waimai"), "APK-EXPORTED-COMPONENT Exported component without an effective permission"), "failure").get(0);

        assertThat(failure.getAttribute("message")).isEqualTo("3 findings, highest high");
        assertThat(failure.getTextContent()).contains("[low] first exported", "[high] second exported", "[medium] third exported");
    }

    @Test
    void reportsProcessingErrorsAsAnInspectionErrorAndSkipsRulesThatNeverRan() throws Exception {
        Document doc = write(SampleRuns.run(out));

        Element nocat = suite(doc, "nocat");
        Element inspection = testCase(nocat, "inspection");
        Element error = children(inspection, "error").get(0);
        assertThat(error.getAttribute("message")).isEqualTo("nocat: rule APK-EXPORTED-COMPONENT: " + SampleRuns.RULE_ERROR);
        assertThat(error.getAttribute("type")).isEqualTo("rule APK-EXPORTED-COMPONENT");
        assertThat(nocat.getAttribute("skipped")).isEqualTo("0");
        assertThat(nocat.getAttribute("tests")).isEqualTo(String.valueOf(apkRules().size() + 1));

        Element broken = suite(doc, "broken");
        assertThat(broken.getAttribute("skipped")).isEqualTo(String.valueOf(apkRules().size()));
        assertThat(broken.getAttribute("errors")).isEqualTo("1");
        assertThat(children(testCase(broken, "inspection"), "error").get(0).getTextContent())
                .contains("inspect: 不是ZIP文件 / not a zip archive (contact " + SampleRuns.MASKED_PHONE + ")");
    }

    @Test
    void staysWellFormedWhenEvidenceHoldsCharactersXmlCannotCarry() throws Exception {
        Target t = SampleRuns.waimai(out).target();
        Finding f = SampleRuns.finding("APK-HTTP-ENDPOINT", t, Severity.MEDIUM, new Localized("控制\u0001字符", "control \u0001 char \uD800 & <b>"), "x",
                EvidencePointer.of("dex", "classes.dex", "a\u0000b", "\u001B[31m\"quoted\" ]]> end"));
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null,
                List.of(new TargetResult(t, SampleRuns.waimai(out).evidence(), List.of(f), List.of(), 10, SampleRuns.APK_RULES)));

        Element failure = children(testCase(suite(write(run), "waimai"), "APK-HTTP-ENDPOINT Hard-coded http:// endpoint"), "failure").get(0);

        assertThat(failure.getTextContent()).contains("control \uFFFD char \uFFFD & <b>", "a\uFFFDb", "\uFFFD[31m\"quoted\" ]]> end");
    }

    @Test
    void aMiniProgramIsJudgedByTheMiniProgramRulesOnly() throws Exception {
        Target mp = new Target("mp", "点餐小程序", TargetKind.MINIPROGRAM, null, null, List.of());
        RunResult run = new RunResult("scan", "PermLab", "1.2.3", null, null, List.of(new TargetResult(mp, null, List.of(), List.of(), 0,
                io.permlab.rules.miniprogram.MiniProgramRules.all().stream().map(io.permlab.rules.Rule::id).toList())));
        List<RuleMeta> mpRules = SampleRuns.knowledge().rules().stream().filter(r -> r.id().startsWith("MP-")).toList();

        Element suite = suite(write(run), "mp");

        assertThat(mpRules).isNotEmpty().allSatisfy(r -> assertThat(r.id()).startsWith("MP-"));
        assertThat(children(suite, "testcase")).extracting(c -> c.getAttribute("name"))
                .containsExactlyElementsOf(mpRules.stream().map(r -> r.id() + " " + r.title().en()).toList());
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(mpRules.size()));
    }
}
