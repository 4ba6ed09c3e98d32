package io.permlab.report.html;

import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PrivacyPolicyFacts;

import java.util.List;

/** A target's privacy policy: where it was looked for, whether it was reachable, each element found or not (policy.ftlh). */
final class PolicySectionHtml implements SectionHtml<PrivacyPolicyFacts> {
    /** The policy as the template shows it; the text itself is not repeated, only its length and hash. */
    public record PolicyView(String status, String source, String sourceKind, String reachable, String note, int textLength,
                             String sha256, List<String> links, List<ElementView> elements) {
    }

    public record ElementView(String zh, String en, String clauseZh, String clauseEn, boolean present, String sentence) {
    }

    @Override
    public Class<PrivacyPolicyFacts> type() {
        return PrivacyPolicyFacts.class;
    }

    @Override
    public SectionView view(PrivacyPolicyFacts p) {
        String reachable = p.reachableBeforeConsent() == null ? "?" : p.reachableBeforeConsent().toString();
        List<ElementView> elements = p.elements().stream().map(PolicySectionHtml::element).toList();
        return new SectionView("policy.ftlh", new PolicyView(p.status().name(), orEmpty(p.source()), orEmpty(p.sourceKind()), reachable,
                orEmpty(p.note()), p.textLength(), orEmpty(p.textSha256()), p.links(), elements), null);
    }

    private static ElementView element(PolicyElement e) {
        return new ElementView(e.label().zh(), e.label().en(), e.clause().zh(), e.clause().en(), e.present(), orEmpty(e.sentence()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
