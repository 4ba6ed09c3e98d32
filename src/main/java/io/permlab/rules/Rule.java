package io.permlab.rules;

import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;

import java.util.Set;

/**
 * A check over one target's evidence. A rule only reports violations through the context; its name, severity,
 * legal basis and message templates live in knowledge/rules.json under the same id. It names the evidence sections it
 * reads: the engine runs it on a target only when every one of them is present (docs/architecture.md).
 */
public interface Rule {
    String id();

    Set<Class<? extends EvidenceSection>> reads();

    /** Called only when every section of {@link #reads()} is present in {@code evidence}. */
    void check(Evidence evidence, RuleContext context);
}
