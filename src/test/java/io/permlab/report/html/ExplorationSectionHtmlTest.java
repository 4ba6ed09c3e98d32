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
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.permlab.report.html.PageStyle.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** The words around a function's runs read as English in the English view, as Chinese in the Chinese one. */
class ExplorationSectionHtmlTest {
    @TempDir
    Path out;

    private static Run run(String function, RunPolicy policy) {
        return run(function, policy, List.of());
    }

    private static Run run(String function, RunPolicy policy, List<PermissionRequest> requests) {
        return new Run(function + "-" + policy.id(), function, policy, "test", Instant.EPOCH, 1500, null, 0, List.of(),
                requests, List.of(), List.of(), new CheckpointResult(true, "checkpoint", "visible", 1400, null), List.of(), null, List.of(),
                RunOutcome.of(true), null, List.of(), List.of(), List.of());
    }

    private String page(FunctionExploration... functions) throws IOException {
        Target target = new Target("demo", "demo", TargetKind.H5, Path.of("apps/demo"), null, List.of());
        Evidence evidence = Evidence.of(target, new Exploration("http://waimai.example/", List.of(), "test", List.of(functions)));
        RunResult result = new RunResult("run", "PermLab", "test", null, null, List.of(new TargetResult(target, evidence, List.of(), List.of(), 1, List.of())));
        new HtmlReportWriter().write(result, KnowledgeBase.builtIn(), new ReportOptions(out, Lang.EN, false));
        return Files.readString(out.resolve(HtmlReportWriter.FILE), StandardCharsets.UTF_8);
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

    private static List<String> all(Pattern p, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    @Test
    void onAPhoneTheEffectsAndRequestsRowsAreLabelledCardsSoTheConclusionIsOnTheScreen() throws IOException {
        PermissionRequest asked = new PermissionRequest("geolocation", "navigator.geolocation.getCurrentPosition",
                Map.of("enableHighAccuracy", "true"), 500, 0, "http://waimai.example", "http://waimai.example/", true, false, true,
                false, false, null, "granted", "success:accuracy=10", RequestAnswer.SUCCEEDED, 10, null);
        Run baseline = run("add-address", RunPolicy.baseline(), List.of(asked));
        Run denied = run("add-address", RunPolicy.deny("geolocation"));
        String html = page(new FunctionExploration("add-address", "新增收货地址", "add-address.flow.json", List.of(baseline, denied),
                List.of(new PermissionEffect("geolocation", RunPolicy.Kind.DENY, baseline.id(), true, denied.id(), false, true))));

        for (String table : List.of("effects", "requests")) {
            String t = html.substring(html.indexOf("<table class=\"" + table + "\">"));
            t = t.substring(0, t.indexOf("</table>"));
            String head = t.substring(0, t.indexOf("</thead>"));
            String row = t.substring(t.indexOf("<tbody>"));
            row = row.substring(0, row.indexOf("</tr>"));
            // each cell carries its column's name in both languages, the names the table's head shows
            List<String> heads = all(Pattern.compile("<th>(.*?)</th>"), head, 1);
            assertThat(all(Pattern.compile("<td data-zh=\"([^\"]*)\" data-en=\"[^\"]*\""), row, 1)).as(table)
                    .isNotEmpty().isEqualTo(heads.stream().map(h -> seen(h, "en")).toList());
            assertThat(all(Pattern.compile("<td data-zh=\"[^\"]*\" data-en=\"([^\"]*)\""), row, 1)).as(table)
                    .isEqualTo(heads.stream().map(h -> seen(h, "zh")).toList());
        }
        // on a phone the head is hidden and each cell is a line of its own, led by that name in the language shown:
        // five or seven columns pushed the conclusion and the outcome off the screen
        PageStyle style = PageStyle.of(html);
        for (String table : List.of("table.effects", "table.requests")) {
            assertThat(style.at(PHONE, table + " thead")).as(table).containsEntry("display", "none");
            assertThat(style.at(PHONE, table + " td")).as(table).containsEntry("display", "block");
            assertThat(style.at(PHONE, table + " td:empty")).as(table).containsEntry("display", "none");
        }
        assertThat(style.at(PHONE, "html[data-lang=\"en\"] td[data-en]::before")).containsEntry("content", "attr(data-en) \": \"");
        assertThat(style.at(PHONE, "html[data-lang=\"zh\"] td[data-zh]::before")).containsEntry("content", "attr(data-zh) \"：\"");
    }
}
