package io.permlab.rules.dynamic;

import io.permlab.inspect.policy.PolicyReader;
import io.permlab.inspect.policy.PolicyText;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.policy.PolicyRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy rules against what runs observed (hand-built runs, see {@link Runs}): a permission asked for, PI sent,
 * a third-party host receiving it — each declared or not by the policy's text or links.
 */
class PolicyAgainstRunsTest {
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();
    private static final PolicyReader READER = new PolicyReader(PolicyKnowledge.builtIn());

    private static PrivacyPolicyFacts policy(String html) {
        return READER.read(PolicyText.fromHtml(html, "http://waimai.example/policy.html"), "http://waimai.example/policy.html", "url", true, null);
    }

    private static List<Finding> findings(PrivacyPolicyFacts policy, Exploration exploration) {
        Target target = new Target("demo", "demo", TargetKind.H5, Paths.get("apps/demo"), null, List.of());
        RuleEngine.Outcome outcome = new RuleEngine(KB, PolicyRules.all()).run(Evidence.of(target, policy, exploration), null);
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings();
    }

    /** The English messages of a rule's findings. */
    private static List<String> keys(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.ruleId().equals(rule)).map(f -> f.message().en()).toList();
    }

    private static Exploration trackerRun() {
        return Runs.exploration(Runs.baseline()
                .request("geolocation", 500, 1, "success", null)
                .sent("POST", "http://waimai.example/api/address", 3000, Runs.phone("body $.phone"))
                .sent("GET", "http://analytics.tracker.example/collect?lat=31.230416", 600, Runs.coords("query lat,lng", 6))
                .build());
    }

    @Test
    void whatThePolicyDoesNotNameIsAFindingEach() {
        List<Finding> f = findings(policy("<p>为了配送，我们会收集您的手机号和收货地址。</p>"), trackerRun());

        assertThat(keys(f, "POLICY-UNDECLARED-PERMISSION")).singleElement().asString().contains("asks for location");
        assertThat(keys(f, "POLICY-UNDECLARED-PI")).singleElement().asString().contains("collects precise location");
        assertThat(keys(f, "POLICY-UNDECLARED-RECIPIENT")).singleElement().asString().contains("host analytics.tracker.example");
        assertThat(f.stream().filter(x -> x.ruleId().equals("POLICY-UNDECLARED-RECIPIENT")).findFirst().orElseThrow().evidence())
                .anyMatch(p -> "network".equals(p.kind()));
    }

    @Test
    void aPolicyThatNamesThemAllLeavesNothingUndeclared() {
        List<Finding> f = findings(policy("<p>为了配送，我们会收集您的手机号和收货地址。</p>"
                + "<p>经您同意后我们会申请位置权限，获取您的精确位置，用于推荐附近商家。</p>"
                + "<p>我们接入了第三方统计服务（<a href=\"https://www.tracker.example/privacy\">其隐私政策</a>），它会收集位置信息。</p>"), trackerRun());

        assertThat(f).noneMatch(x -> x.ruleId().startsWith("POLICY-UNDECLARED"));
    }

    @Test
    void aRecipientIsDeclaredByItsSiteNamedInTheTextAsWellAsByALink() {
        List<Finding> f = findings(policy("<p>我们会收集您的手机号、位置，并通过 tracker.example 提供的统计服务分析使用情况。</p>"), trackerRun());

        assertThat(keys(f, "POLICY-UNDECLARED-RECIPIENT")).isEmpty();
    }

    @Test
    void coordinatesRoundedToTwoDecimalsAreApproximateLocation() {
        Exploration coarse = Runs.exploration(Runs.baseline()
                .sent("POST", "http://waimai.example/api/area", 3000, Runs.coords("body $.lat,$.lng", 2)).build());

        assertThat(keys(findings(policy("<p>我们会收集您的手机号。</p>"), coarse), "POLICY-UNDECLARED-PI")).singleElement().asString().contains("collects approximate location");
    }

    @Test
    void anInconclusiveRunProvesNothing() {
        Exploration lost = Runs.exploration(Runs.baseline().inconclusive("session lost")
                .request("geolocation", 500, 1, "success", null)
                .sent("GET", "http://analytics.tracker.example/collect", 600, Runs.coords("query lat,lng", 6)).build());

        assertThat(findings(policy("<p>我们会收集您的手机号。</p>"), lost)).noneMatch(x -> x.ruleId().startsWith("POLICY-UNDECLARED"));
    }

    @Test
    void aPolicyThatWasNotReadDeclaresNothingAndIsNotJudged() {
        PrivacyPolicyFacts notRead = PrivacyPolicyFacts.without(io.permlab.model.policy.PolicyStatus.NOT_FETCHED,
                "http://waimai.example/policy.html", "url", true, "HTTP 404");

        assertThat(findings(notRead, trackerRun())).isEmpty();
    }
}
