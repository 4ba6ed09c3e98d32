package io.permlab.knowledge;

import io.permlab.model.LegalRef;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.Stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's name, severity, stage, legal basis and message templates (rules.json); the rule class only decides, and
 * declares the evidence sections it reads. {@code texts} are the named zh/en fragments a rule puts into its message
 * (with {placeholders} of their own), {@code params} the numbers a reviewer may tune, such as a re-ask window.
 * {@code severityNote}, null for a rule that always reports at its severity: when a finding is given another one
 * ("high where … ; medium where …"), as `permlab rules` prints it and docs/rulebase.md and README repeat it.
 */
public record RuleMeta(String id, String kind, Severity severity, Stage stage, Localized title,
                       List<LegalRef> legalBasis, Localized message, Localized remediation, Map<String, Localized> texts,
                       Map<String, Double> params, Localized severityNote) {
    public RuleMeta {
        legalBasis = List.copyOf(legalBasis);
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The named text fragment; a rule asking for one its metadata lacks is a programming error. */
    public Localized text(String name) {
        Localized t = texts.get(name);
        if (t == null) {
            throw new IllegalStateException("rule " + id + " has no text '" + name + "' in its metadata (texts)");
        }
        return t;
    }

    /** A whole-number parameter ("reaskWindowSeconds"); the loader has checked it is whole and not negative. */
    public long wholeParam(String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("rule " + id + " has no parameter '" + name + "' in its metadata (params)");
        }
        return v.longValue();
    }
}
