package io.permlab.rules;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;

import java.util.List;
import java.util.stream.Stream;

/**
 * "Exactly {@code count} findings match": each non-null criterion narrows the findings counted. With no criterion
 * the count is the total number of findings.
 */
record Expectation(int count, String severity, String messageContains, String messageLacks, String evidenceContains) {

    boolean matchesEverything() {
        return severity == null && messageContains == null && messageLacks == null && evidenceContains == null;
    }

    long countIn(List<Finding> findings) {
        return findings.stream().filter(this::matches).count();
    }

    private boolean matches(Finding f) {
        return (severity == null || f.severity().id().equals(severity))
                && (messageContains == null || inMessage(f, messageContains))
                && (messageLacks == null || !inMessage(f, messageLacks))
                && (evidenceContains == null || f.evidence().stream().anyMatch(p -> inPointer(p, evidenceContains)));
    }

    private static boolean inMessage(Finding f, String text) {
        return f.message().zh().contains(text) || f.message().en().contains(text);
    }

    private static boolean inPointer(EvidencePointer p, String text) {
        return Stream.of(p.file(), p.symbol(), p.excerpt()).anyMatch(s -> s != null && s.contains(text));
    }

    String describe() {
        StringBuilder sb = new StringBuilder(count + " finding(s)");
        if (severity != null) {
            sb.append(" of severity ").append(severity);
        }
        if (messageContains != null) {
            sb.append(" whose message contains '").append(messageContains).append('\'');
        }
        if (messageLacks != null) {
            sb.append(" whose message lacks '").append(messageLacks).append('\'');
        }
        if (evidenceContains != null) {
            sb.append(" with evidence containing '").append(evidenceContains).append('\'');
        }
        return sb.toString();
    }
}
