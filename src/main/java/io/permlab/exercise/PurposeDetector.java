package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.knowledge.miniprogram.MiniProgramApis;

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

    /**
     * The same for a request as it was observed, on {@code visibleText} (what was on screen when it was asked). A WeChat
     * authorization sheet puts app.json's desc under its title: the desc is the purpose when it names the use as the
     * static scan requires of it (the scope's purpose words, MP-PURPOSE-DESC; a purpose marker for a scope without its
     * own words) and is not one of the vague phrases. Failing that, the text on screen when the user made the tap that
     * asked ({@link ObservedRequest#textAtInput()}: an explanation the tap acknowledged and closed) counts too.
     */
    public Optional<String> purpose(ObservedRequest request, String visibleText) {
        String desc = request.options().get("desc");
        String scope = request.options().get("scope");
        if ("shown".equals(request.options().get("sheet")) && desc != null && scope != null && namesTheUse(scope, desc)) {
            return Optional.of(desc.strip());
        }
        return purpose(request.permission(), visibleText).or(() -> purpose(request.permission(), request.textAtInput()));
    }

    private boolean namesTheUse(String scope, String desc) {
        MiniProgramApis apis = knowledge.miniProgramApis();
        String lower = desc.toLowerCase(Locale.ROOT);
        if (apis.knowsPurposesOf(scope)) {
            return apis.purposeWords(scope).stream().anyMatch(lower::contains);
        }
        return apis.vaguePhraseIn(desc) == null && knowledge.purposeMarkers().stream().anyMatch(m -> lower.contains(m.toLowerCase(Locale.ROOT)));
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
