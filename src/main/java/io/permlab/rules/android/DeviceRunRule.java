package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A rule over an app's runs on a device: the exploration and the device's facts about each run ({@link DeviceEvidence}),
 * plus whatever else a rule names in {@link #alsoReads()} (the manifest, to join declared with prompted).
 */
abstract class DeviceRunRule implements Rule {
    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        Set<Class<? extends EvidenceSection>> sections = new LinkedHashSet<>(Set.of(Exploration.class, DeviceEvidence.class));
        sections.addAll(alsoReads());
        return sections;
    }

    /** Sections this rule reads besides the exploration and the device's facts. */
    Set<Class<? extends EvidenceSection>> alsoReads() {
        return Set.of();
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(Exploration.class).orElseThrow(), evidence.section(DeviceEvidence.class).orElseThrow(), evidence, context);
    }

    abstract void check(Exploration exploration, DeviceEvidence device, Evidence evidence, RuleContext context);
}
