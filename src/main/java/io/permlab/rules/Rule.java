package io.permlab.rules;

import io.permlab.model.Evidence;

/**
 * A check over one target's evidence. A rule only reports violations through the context; its name, severity,
 * legal basis and message templates live in knowledge/rules.json under the same id.
 */
public interface Rule {
    String id();

    void check(Evidence evidence, RuleContext context);
}
