package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy's text extracted with jsoup and read against the elements of policy-elements.json. */
class PolicyReaderTest {
    private static final PolicyKnowledge KNOWLEDGE = PolicyKnowledge.builtIn();
    private final PolicyReader reader = new PolicyReader(KNOWLEDGE);

    static String fixture(String name) throws IOException {
        try (InputStream in = PolicyReaderTest.class.getResourceAsStream("/policy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private PrivacyPolicyFacts read(String html) {
        return reader.read(PolicyText.fromHtml(html, "https://app.example/privacy.html"), "https://app.example/privacy.html", "url", true, null);
    }

    private static Map<String, PolicyElement> byId(PrivacyPolicyFacts facts) {
        return facts.elements().stream().collect(Collectors.toMap(PolicyElement::id, e -> e));
    }

    @Test
    void aLongChinesePolicyWithNestedSectionsHasEveryElementEachWithTheSentenceThatSatisfiesIt() throws IOException {
        PrivacyPolicyFacts facts = read(fixture("zh-long.html"));

        assertThat(facts.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(facts.elements()).hasSize(KNOWLEDGE.elements().size()).allMatch(PolicyElement::present);
        Map<String, PolicyElement> e = byId(facts);
        assertThat(e.get("retention").sentence()).contains("存储在中华人民共和国境内");
        assertThat(e.get("complaint_channel").sentence()).contains("投诉或举报");
        assertThat(e.get("effective_date").sentence()).contains("2025年12月20日");
        assertThat(e.get("third_parties").sentence()).doesNotContain("\n");
        assertThat(facts.textSha256()).hasSize(64);
        assertThat(facts.textLength()).isEqualTo(facts.text().length());
    }

    @Test
    void scriptsStylesAndTheirWordsAreNotPartOfTheText() throws IOException {
        PolicyDocument doc = PolicyText.fromHtml(fixture("zh-long.html"), "");

        assertThat(doc.text()).doesNotContain("privacyVersion").doesNotContain("position:fixed").doesNotContain("2020年1月1日");
        // block elements end lines: the heading and the paragraph under it are separate sentences
        assertThat(doc.sentences()).contains("（一）账号注册与登录");
    }

    @Test
    void theHostsThePolicyLinksToAreKept() throws IOException {
        PolicyDocument doc = PolicyText.fromHtml(fixture("zh-long.html"), "https://haolinju.example/privacy");

        assertThat(doc.linkHosts()).contains("www.umeng.com", "lbs.amap.com", "www.stats-partner.example", "haolinju.example");
    }

    @Test
    void anEnglishPolicyHasEveryElement() throws IOException {
        PrivacyPolicyFacts facts = read(fixture("en.html"));

        assertThat(facts.elements()).allMatch(PolicyElement::present);
        assertThat(byId(facts).get("user_rights").sentence()).contains("delete your account");
        assertThat(byId(facts).get("effective_date").sentence()).contains("March 3, 2026");
    }

    /** Each element with the one sentence that gives it, then without: nothing else in the text may stand in for it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "operator_contact  | 本应用由上海某某信息技术有限公司运营，联系我们：privacy@demo.example。",
            "purposes          | 我们收集信息用于配送您的订单。",
            "pi_types          | 我们会收集您的手机号。",
            "third_parties     | 我们不会与第三方共享您的个人信息。",
            "retention         | 您的个人信息保存期限为三年。",
            "user_rights       | 您可以查阅、删除您的信息，也可以注销账号。",
            "complaint_channel | 您可以向监管部门投诉。",
            "effective_date    | 生效日期：2026年1月1日。",
            "operator_contact  | This app is operated by Demo Ltd; contact us at privacy@demo.example.",
            "retention         | We retain your data for two years.",
            "user_rights       | You can access or delete your data and delete your account.",
            "effective_date    | Effective date: 2026-01-01."})
    void eachElementIsFoundByItsSentenceAndMissingWithoutIt(String element, String sentence) {
        String filler = "<p>欢迎使用本应用。Welcome.</p>";
        assertThat(byId(read("<h1>隐私政策</h1>" + filler + "<p>" + sentence + "</p>")).get(element).present()).isTrue();
        assertThat(byId(read("<h1>隐私政策</h1>" + filler)).get(element).present()).isFalse();
    }

    @Test
    void anElementWithSeveralPartsNeedsEveryPart() {
        // rights without account deletion, a date word without a date, an operator without a contact
        Map<String, PolicyElement> e = byId(read("<p>您可以查阅、更正和删除您的个人信息。</p><p>更新日期：见页面底部。</p><p>本应用由某某有限公司运营。</p>"));

        assertThat(e.get("user_rights").present()).isFalse();
        assertThat(e.get("effective_date").present()).isFalse();
        assertThat(e.get("operator_contact").present()).isFalse();
    }

    @Test
    void everyElementOfTheKnowledgeFileIsReportedOnceInItsOrder() {
        List<String> ids = read("<p>空</p>").elements().stream().map(PolicyElement::id).toList();

        assertThat(ids).containsExactly("operator_contact", "purposes", "pi_types", "third_parties", "retention", "user_rights",
                "complaint_channel", "effective_date");
    }
}
