package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own dialogs (alert, confirm, prompt): a flow answers them with a dialog step, also inside a consent step's
 * "refuse" list, as many Chinese H5 apps ask "确定不同意？" with confirm() when 不同意 is tapped. A dialog the flow does not
 * answer leaves the run inconclusive, naming the dialog, never judged. In real Chromium through 'permlab run'.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PageDialogTest {
    /** 不同意 asks confirm() (with the service line's phone number); confirmed, the app only shows an exit notice. */
    private static final String CONFIRMS_DECLINE = "<!doctype html><html><body>"
            + "<div id=\"sheet\"><p>请阅读并同意《隐私政策》</p><button id=\"agree\">同意</button><button id=\"disagree\">不同意</button></div>"
            + "<div id=\"exit\" hidden><p>您需要同意隐私政策才能使用本应用</p><button>退出应用</button></div>"
            + "<main id=\"app\" hidden><button id=\"open\">头条</button><article id=\"art\" hidden>今日新闻</article></main>"
            + "<script>function $(i) { return document.getElementById(i); }"
            + "$('agree').onclick = function () { $('sheet').hidden = true; $('app').hidden = false; };"
            + "$('disagree').onclick = function () { if (confirm('确定不同意？如有疑问请致电 13812345678')) {"
            + "  $('sheet').hidden = true; $('exit').hidden = false; } };"
            + "$('open').onclick = function () { $('art').hidden = false; };</script></body></html>";
    /** A nickname asked with prompt(), then shown. */
    private static final String PROMPTS = "<!doctype html><html><body><button id=\"name\">设置昵称</button><p id=\"hello\"></p>"
            + "<script>document.getElementById('name').onclick = function () {"
            + "  var n = prompt('请输入昵称'); document.getElementById('hello').textContent = n ? '你好，' + n : '未设置'; };</script>"
            + "</body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;

    @BeforeAll
    static void runIt() {
        Path targets = dir.resolve("targets");
        run = CliRun.run(dir.resolve("out"), List.of(
                H5Target.in(targets, "answers-confirm").served("news.example").category("新闻资讯").page("index.html", CONFIRMS_DECLINE)
                        .flow(flow("{\"open\": \"/index.html\"}",
                                "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": [{\"css\": \"#disagree\"}, {\"dialog\": \"accept\"}]}",
                                "{\"tap\": {\"css\": \"#open\"}, \"timeoutMs\": 3000}", "{\"checkpoint\": {\"css\": \"#art\"}}")).write(),
                H5Target.in(targets, "leaves-confirm").served("reader.example").category("新闻资讯").page("index.html", CONFIRMS_DECLINE)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"consent\": {\"css\": \"#agree\"}, \"refuse\": {\"css\": \"#disagree\"}}",
                                "{\"tap\": {\"css\": \"#open\"}, \"timeoutMs\": 3000}", "{\"checkpoint\": {\"css\": \"#art\"}}")).write(),
                H5Target.in(targets, "prompt").served("nick.example").page("index.html", PROMPTS)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#name\"}}",
                                "{\"dialog\": \"accept\", \"text\": \"小明\"}", "{\"checkpoint\": {\"text\": \"你好，小明\"}}")).write(),
                H5Target.in(targets, "alerts-on-load").served("welcome.example")
                        .page("index.html", "<!doctype html><html><body><p>首页</p><script>alert('欢迎光临');</script></body></html>")
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"dialog\": \"accept\"}", "{\"checkpoint\": {\"text\": \"首页\"}}")).write(),
                H5Target.in(targets, "no-dialog").served("quiet.example").page("index.html", PROMPTS)
                        .flow(flow("{\"open\": \"/index.html\"}", "{\"dialog\": \"dismiss\", \"timeoutMs\": 1500}",
                                "{\"checkpoint\": {\"css\": \"#name\"}}")).write()));
    }

    private static RunReport.Target target(String id) {
        return RunReport.read(run.outDir().resolve("findings.json")).target(id);
    }

    private static List<JsonObject> findings(String id, String rule) {
        return RunReport.objects(target(id).json().getAsJsonArray("findings")).stream()
                .filter(f -> f.get("ruleId").getAsString().equals(rule)).toList();
    }

    private static List<JsonObject> steps(RunReport.Run run) {
        return RunReport.objects(run.json().getAsJsonArray("steps"));
    }

    @Test
    void aDeclineThatAnswersTheConfirmIsJudgedAndTheDialogIsOnTheRecordMasked() {
        RunReport.Run declined = target("answers-confirm").run(H5Target.FUNCTION + "-refuse-consent");
        assertThat(declined.outcome()).as(String.valueOf(declined.cause())).isEqualTo("FUNCTION_FAILED");
        JsonObject consentStep = steps(declined).get(1);
        assertThat(consentStep.get("ok").getAsBoolean()).isTrue();
        assertThat(consentStep.get("description").getAsString())
                .isEqualTo("refuse consent css=#disagree, then dialog accept (confirm \"确定不同意？如有疑问请致电 138****5678\")");
        JsonObject event = RunReport.objects(declined.json().getAsJsonArray("events")).stream()
                .filter(e -> e.get("kind").getAsString().equals("dialog")).findFirst().orElseThrow();
        assertThat(event.get("api").getAsString()).isEqualTo("confirm");
        assertThat(event.get("stepIndex").getAsInt()).isEqualTo(1);
        assertThat(event.getAsJsonObject("details").get("message").getAsString()).isEqualTo("确定不同意？如有疑问请致电 138****5678");
        assertThat(event.getAsJsonObject("details").get("answer").getAsString()).isEqualTo("accept");
        assertThat(target("answers-confirm").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(findings("answers-confirm", "DYN-CONSENT-MANDATORY")).singleElement()
                .satisfies(f -> assertThat(f.get("severity").getAsString()).isEqualTo("high"));
        assertThat(run.outDir().resolve("findings.json")).content().doesNotContain("13812345678");
    }

    @Test
    void aConfirmTheFlowDoesNotAnswerLeavesTheDeclineInconclusiveNamingIt() {
        RunReport.Run declined = target("leaves-confirm").run(H5Target.FUNCTION + "-refuse-consent");
        assertThat(declined.outcome()).isEqualTo("INCONCLUSIVE");
        assertThat(declined.cause()).as("people count the flow's steps from 1: the tap is its third").startsWith("step 3 (tap css=#open)")
                .contains("confirm").contains("确定不同意？如有疑问请致电 138****5678")
                .contains("{\"dialog\": \"accept\"}").doesNotContain("13812345678");
        assertThat(declined.problemKinds()).contains("dialog-unanswered");
        assertThat(findings("leaves-confirm", "DYN-CONSENT-MANDATORY")).isEmpty();
        assertThat(target("leaves-confirm").errors()).anySatisfy(e -> assertThat(e)
                .contains("inconclusive").contains("confirm dialog \"确定不同意？如有疑问请致电 138****5678\"").contains("add a step"));
        assertThat(target("leaves-confirm").errors()).anySatisfy(e -> assertThat(e)
                .contains("declining the privacy policy does is not judged"));
        assertThat(target("leaves-confirm").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(target("leaves-confirm").runs()).as("the page asks the same again in a fresh session: no retry")
                .extracting(RunReport.Run::id).noneMatch(id -> id.endsWith("-retry"));
    }

    @Test
    void aPromptIsAnsweredWithTheFlowsText() {
        RunReport.Run grant = target("prompt").run(H5Target.FUNCTION + "-grant");
        assertThat(grant.passed()).as(String.valueOf(grant.cause())).isTrue();
        assertThat(steps(grant).get(2).get("description").getAsString()).isEqualTo("dialog accept \"小明\" (prompt \"请输入昵称\")");
    }

    @Test
    void anAlertOpenedWhileThePageLoadsIsAnsweredByTheNextStep() {
        RunReport.Run grant = target("alerts-on-load").run(H5Target.FUNCTION + "-grant");
        assertThat(grant.passed()).as(String.valueOf(grant.cause())).isTrue();
        assertThat(steps(grant).get(1).get("description").getAsString()).isEqualTo("dialog accept (alert \"欢迎光临\")");
    }

    @Test
    void aDialogStepWithNoDialogOpenFailsSayingSo() {
        RunReport.Run grant = target("no-dialog").run(H5Target.FUNCTION + "-grant");
        assertThat(grant.passed()).isFalse();
        JsonObject step = steps(grant).get(1);
        assertThat(step.get("ok").getAsBoolean()).isFalse();
        assertThat(step.get("error").getAsString()).contains("no dialog was open").contains("1500 ms");
        assertThat(grant.checkpointDetail()).startsWith("not reached: step 2 failed: no dialog was open");
        assertThat(target("no-dialog").runs()).as("the flow and the page disagree the same way in a fresh session: no retry")
                .extracting(RunReport.Run::id).noneMatch(id -> id.endsWith("-retry"));
    }
}
