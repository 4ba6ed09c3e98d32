package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a policy's text against the elements a policy must have: an element is present when every one of its pattern
 * groups matches some sentence; the sentence matching the first group (preferring one that matches every group) is
 * its evidence.
 */
public final class PolicyReader {
    private final PolicyKnowledge knowledge;

    public PolicyReader(PolicyKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    public PrivacyPolicyFacts read(PolicyDocument doc, String source, String sourceKind, Boolean reachableBeforeConsent, String note) {
        List<PolicyElement> elements = new ArrayList<>();
        for (PolicyKnowledge.Element e : knowledge.elements()) {
            elements.add(element(e, doc.sentences()));
        }
        return new PrivacyPolicyFacts(PolicyStatus.FOUND, source, sourceKind, reachableBeforeConsent, note, doc.text(),
                doc.text().length(), sha256(doc.text()), doc.linkHosts(), elements);
    }

    private static PolicyElement element(PolicyKnowledge.Element e, List<String> sentences) {
        String all = null;
        String first = null;
        for (String s : sentences) {
            if (matches(e.groups().get(0), s)) {
                if (first == null) {
                    first = s;
                }
                if (e.groups().stream().allMatch(g -> matches(g, s))) {
                    all = s;
                    break;
                }
            }
        }
        boolean present = first != null && e.groups().stream().allMatch(g -> sentences.stream().anyMatch(s -> matches(g, s)));
        return new PolicyElement(e.id(), e.label(), e.clause(), present, present ? (all != null ? all : first) : null);
    }

    private static boolean matches(List<Pattern> group, String sentence) {
        return group.stream().anyMatch(p -> p.matcher(sentence).find());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
