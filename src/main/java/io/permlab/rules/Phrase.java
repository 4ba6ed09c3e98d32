package io.permlab.rules;

import io.permlab.model.Localized;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named text fragment of a rule's metadata ({@code "texts"} in knowledge/rules*.json) with its {placeholders}
 * being filled, so that the words of a finding live in the knowledge files and the rule class only decides.
 */
public final class Phrase {
    private final Localized template;
    private final Map<String, Localized> args = new LinkedHashMap<>();

    Phrase(Localized template) {
        this.template = template;
    }

    public Phrase with(String name, String value) {
        String v = value == null ? "" : value;
        args.put(name, new Localized(v, v));
        return this;
    }

    public Phrase with(String name, Localized value) {
        args.put(name, value == null ? new Localized("", "") : value);
        return this;
    }

    public Phrase with(String name, int value) {
        return with(name, Integer.toString(value));
    }

    /** The fragment in both languages; a placeholder without a value is a programming error. */
    public Localized text() {
        return new Localized(RuleEngine.substitute(template.zh(), args, true), RuleEngine.substitute(template.en(), args, false));
    }
}
