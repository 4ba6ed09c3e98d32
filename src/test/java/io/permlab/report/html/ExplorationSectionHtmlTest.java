package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The words around a function's runs read as English in the English view, as Chinese in the Chinese one. */
class ExplorationSectionHtmlTest {
    @TempDir
    Path out;

    private static Run run(String function, RunPolicy policy) {
        return new Run(function + "-" + policy.id(), function, policy, "test", Instant.EPOCH, 1500, null, 0, List.of(),
                List.of(), List.of(), List.of(), new CheckpointResult(true, "checkpoint", "visible", 1400, null), List.of(), null, List.of(),
                RunOutcome.of(true), null, List.of(), List.of(), List.of());
    }

    private String render(FunctionExploration... functions) throws IOException {
        Target target = new Target("demo", "demo", TargetKind.H5, Path.of("apps/demo"), null, List.of());
        Evidence evidence = Evidence.of(target, new Exploration("http://waimai.example/", List.of(), "test", List.of(functions)));
        RunResult result = new RunResult("run", "PermLab", "test", null, null, List.of(new TargetResult(target, evidence, List.of(), List.of(), 1, List.of())));
        new HtmlReportWriter().write(result, KnowledgeBase.builtIn(), new ReportOptions(out, Lang.EN, false));
        String html = Files.readString(out.resolve(HtmlReportWriter.FILE), StandardCharsets.UTF_8);
        return html.substring(html.indexOf("class=\"evidence-summary exploration\""));
    }

    /** The text a reader of one language sees: the other language's spans and all markup dropped. */
    private static String seen(String html, String hidden) {
        return html.replaceAll("<span class=\"" + hidden + "\" lang=\"[^\"]*\">[^<]*</span>", "").replaceAll("<[^>]+>", "");
    }

    @Test
    void theHeadingOfAFunctionUsesTheColonOfTheLanguageShown() throws IOException {
        String html = render(new FunctionExploration("nearby-orders", "附近订单", "nearby-orders.flow.json",
                List.of(run("nearby-orders", RunPolicy.baseline())), List.of(), 1500, 2));

        // the full-width colon stood outside both languages, so the English heading read "Function：附近订单"
        assertThat(seen(html, "zh")).contains("Function: 附近订单").doesNotContain("：");
        assertThat(seen(html, "en")).contains("功能：附近订单");
    }

    @Test
    void oneRunIsARunAndItsParallelismIsNotMentioned() throws IOException {
        String one = seen(render(new FunctionExploration("nearby-orders", "附近订单", "nearby-orders.flow.json",
                List.of(run("nearby-orders", RunPolicy.baseline())), List.of(), 5500, 2)), "zh");
        String two = seen(render(new FunctionExploration("add-address", "新增收货地址", "add-address.flow.json",
                List.of(run("add-address", RunPolicy.baseline()), run("add-address", RunPolicy.deny("geolocation"))), List.of(), 8400, 2)), "zh");

        // "1 runs in 5.5 s, up to 2 at once": one run overlaps with nothing
        assertThat(one).contains("1 run in 5.5 s").doesNotContain("runs in", "at once", "one after another");
        assertThat(two).contains("2 runs in 8.4 s, up to 2 at once");
    }
}
