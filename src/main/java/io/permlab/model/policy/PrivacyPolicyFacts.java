package io.permlab.model.policy;

import io.permlab.model.EvidenceSection;

import java.util.List;

/**
 * Where a target's privacy policy was looked for and what it says. {@code source}: where the text came from (an
 * APK asset "assets/privacy.html", a URL, a mini-program page); {@code sourceKind}: "asset", "page", "url", "package";
 * {@code reachableBeforeConsent}: whether the place that asks for consent links to it (null when PermLab cannot
 * tell, as for a file inside a package); {@code note}: why the text could not be read or where else it may be;
 * {@code text}: the policy's text as a reader sees it (extracted with an HTML parser), with its length and SHA-256;
 * {@code links}: the hosts the policy links to (third parties often are declared by a link to their own policy);
 * {@code elements}: each required element, present or not. Facts only: the rules judge.
 */
public record PrivacyPolicyFacts(PolicyStatus status, String source, String sourceKind, Boolean reachableBeforeConsent,
                                 String note, String text, int textLength, String textSha256, List<String> links,
                                 List<PolicyElement> elements) implements EvidenceSection {
    public PrivacyPolicyFacts {
        links = links == null ? List.of() : List.copyOf(links);
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** A search that found no text to read. */
    public static PrivacyPolicyFacts without(PolicyStatus status, String source, String sourceKind, Boolean reachableBeforeConsent, String note) {
        return new PrivacyPolicyFacts(status, source, sourceKind, reachableBeforeConsent, note, null, 0, null, List.of(), List.of());
    }

    public boolean found() {
        return status == PolicyStatus.FOUND && text != null;
    }

    public PrivacyPolicyFacts withText(String maskedText) {
        return new PrivacyPolicyFacts(status, source, sourceKind, reachableBeforeConsent, note, maskedText, textLength, textSha256, links, elements);
    }
}
