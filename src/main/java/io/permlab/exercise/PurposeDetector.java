package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the screen stated why a permission was being asked (认定方法 二.3): some line of the visible text names
 * the permission's subject ("位置", "location") and a purpose ("用于", "so that"). A heuristic by design; the line
 * it found is kept as evidence so a person can judge it.
 */
public final class PurposeDetector {
    private final KnowledgeBase knowledge;

    public PurposeDetector(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public Optional<String> purpose(String permission, String visibleText) {
        if (visibleText == null || visibleText.isBlank()) {
            return Optional.empty();
        }
        WebPermission p = knowledge.webPermission(permission).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        for (String line : visibleText.split("[\\n\\r。！？!?]+")) {
            String l = line.toLowerCase(Locale.ROOT);
            boolean subject = p.subjects().stream().anyMatch(s -> l.contains(s.toLowerCase(Locale.ROOT)));
            boolean purpose = knowledge.purposeMarkers().stream().anyMatch(m -> l.contains(m.toLowerCase(Locale.ROOT)));
            if (subject && purpose) {
                return Optional.of(line.trim());
            }
        }
        return Optional.empty();
    }
}
