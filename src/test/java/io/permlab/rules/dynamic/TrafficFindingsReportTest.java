package io.permlab.rules.dynamic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Run;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.explorationOf;
import static io.permlab.rules.dynamic.Runs.function;
import static io.permlab.rules.dynamic.Runs.phone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leak two functions showed, through every report without a browser: the HTML page's finding names both functions
 * and runs in both languages and lists a pointer into each run; findings.json and SARIF carry the same.
 */
class TrafficFindingsReportTest {
    @TempDir
    static Path out;
    private static String html;
    private static JsonObject json;
    private static String sarif;

    private static Run sending(String function) {
        return baseline().of(function).sent("POST", "https://partner.example/collect", 5000, phone("body $.phone")).build();
    }

    @BeforeAll
    static void write() throws IOException {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Target target = new Target("demo", "demo", TargetKind.H5, Path.of("apps/demo"), null, List.of());
        Evidence evidence = Evidence.of(target, explorationOf(function("add-address", "新增收货地址", sending("add-address")),
                function("nearby-orders", "附近订单", sending("nearby-orders"))));
        List<Rule> rules = DynamicRules.all();
        RuleEngine.Outcome outcome = new RuleEngine(kb, rules).judge(evidence);
        RunResult run = new RunResult("run", "PermLab", "test", null, null, List.of(new TargetResult(target, evidence, outcome.findings(),
                outcome.errors(), 1, rules.stream().map(Rule::id).toList())));
        assertThat(Reports.write(run, kb, new ReportOptions(out, Lang.ZH, false), new LinkedHashSet<>(List.of("json", "html", "sarif")))).isEmpty();
        html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        json = JsonParser.parseString(Files.readString(out.resolve("findings.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        sarif = Files.readString(out.resolve("results.sarif"), StandardCharsets.UTF_8);
    }

    @Test
    void theHtmlFindingNamesBothFunctionsAndPointsIntoBothRuns() {
        String article = html.substring(html.indexOf("<code class=\"rule\">DYN-PI-THIRD-PARTY</code>"));
        article = article.substring(0, article.indexOf("</article>"));
        assertThat(article).contains("见于「新增收货地址」（add-address：grant）、「附近订单」（nearby-orders：grant）。")
                .contains("(add-address: grant), ", "附近订单", "(nearby-orders: grant).")
                .contains("add-address-grant step 1", "nearby-orders-grant step 1");
    }

    @Test
    void findingsJsonAndSarifCarryOneFindingWithBothRuns() {
        List<JsonObject> thirdParty = StreamSupport.stream(json.getAsJsonArray("targets").get(0).getAsJsonObject()
                        .getAsJsonArray("findings").spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(f -> f.get("ruleId").getAsString().equals("DYN-PI-THIRD-PARTY")).toList();
        assertThat(thirdParty).singleElement().satisfies(f -> assertThat(StreamSupport.stream(f.getAsJsonArray("evidence").spliterator(), false)
                .map(p -> p.getAsJsonObject().get("run").getAsString()).toList()).containsExactly("add-address-grant", "nearby-orders-grant"));
        assertThat(sarif).contains("(add-address: grant), ").contains("(nearby-orders: grant).");
    }
}
