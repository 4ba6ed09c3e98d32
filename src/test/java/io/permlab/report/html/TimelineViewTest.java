package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's timeline (the mini-program runtime's modals and exploration taps) is shown with the run, one line per entry, in order. */
class TimelineViewTest {
    @Test
    void eachEntryIsALineWithItsTimeStepKindAndDetails(@TempDir Path out) {
        List<RunEvent> events = List.of(
                new RunEvent(2187, 2, "action", null, Map.of("action", "tap", "explored", "true", "text", "填写收货地址")),
                new RunEvent(2207, 2, "modal", null, Map.of("title", "需要位置权限", "showCancel", "false")));
        Run run = new Run("open-deny-geolocation", "open", RunPolicy.deny("geolocation"), "test", Instant.EPOCH, 2400, null, 0, List.of(),
                List.of(), List.of(), List.of(), new CheckpointResult(true, "checkpoint", "visible", 2300, null), List.of(), null, List.of(),
                RunOutcome.of(true), null, List.of(), List.of(), events);
        Exploration x = new Exploration("miniprogram://x/pages/index/index", List.of(), "test",
                List.of(new FunctionExploration("open", "打开页面", "app.json", List.of(run), List.of())));

        ExplorationView view = new ExplorationViews(KnowledgeBase.builtIn(), new Screenshots(out)).of(x);

        assertThat(view.functions().get(0).runs().get(0).timeline()).extracting(io.permlab.model.Localized::en).containsExactly(
                "+2187 ms · step 3 · action · action=tap, explored=true, text=填写收货地址",
                "+2207 ms · step 3 · modal · showCancel=false, title=需要位置权限");
        assertThat(view.functions().get(0).runs().get(0).timeline()).extracting(io.permlab.model.Localized::zh).containsExactly(
                "+2187 ms · 第 3 步 · action · action=tap, explored=true, text=填写收货地址",
                "+2207 ms · 第 3 步 · modal · showCancel=false, title=需要位置权限");
    }

    /** The privacy sheet back after a decline is PermLab's own entry: named in each language, not left as its id alone. */
    @Test
    void thePrivacySheetBackIsNamedInBothLanguages(@TempDir Path out) {
        List<RunEvent> events = List.of(new RunEvent(549, 2, RunEvent.CONSENT_ASKED_AGAIN, null,
                Map.of("locator", "css=#agree", "screenshot", "runs/x/step-02-consent-again.png", "declinedAgain", "true")));
        Run run = new Run("open-refuse-consent", "open", RunPolicy.refuseConsent(), "test", Instant.EPOCH, 2400, null, 0, List.of(),
                List.of(), List.of(), List.of(), new CheckpointResult(true, "checkpoint", "visible", 2300, null), List.of(), null, List.of(),
                RunOutcome.of(true), null, List.of(), List.of(), events);
        Exploration x = new Exploration("http://news.example/index.html", List.of(), "test",
                List.of(new FunctionExploration("open", "打开页面", "open.flow.json", List.of(run), List.of())));

        io.permlab.model.Localized line = new ExplorationViews(KnowledgeBase.builtIn(), new Screenshots(out)).of(x)
                .functions().get(0).runs().get(0).timeline().get(0);

        assertThat(line.zh()).isEqualTo("+549 ms · 第 3 步 · 不同意后隐私政策弹窗再次出现（consent-asked-again） · declinedAgain=true, "
                + "locator=css=#agree, screenshot=runs/x/step-02-consent-again.png");
        assertThat(line.en()).isEqualTo("+549 ms · step 3 · privacy sheet shown again after the decline (consent-asked-again) · "
                + "declinedAgain=true, locator=css=#agree, screenshot=runs/x/step-02-consent-again.png");
    }
}
