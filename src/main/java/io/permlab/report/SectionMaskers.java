package io.permlab.report;

import io.permlab.model.EvidenceSection;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.model.miniprogram.MiniProgramFacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One masker per evidence section type: a new section registers how its PI is masked here. A section without a
 * masker is left out of masked reports (its findings stay): PI is masked by default, never shown by oversight.
 */
public final class SectionMaskers {
    private final Map<Class<? extends EvidenceSection>, UnaryOperator<EvidenceSection>> maskers = new LinkedHashMap<>();

    private SectionMaskers() {
    }

    /** The sections PermLab ships. */
    public static SectionMaskers standard() {
        return new SectionMaskers()
                .register(ApkFacts.class, ApkMasking::mask)
                .register(MiniProgramFacts.class, MiniProgramMasking::mask)
                .register(Exploration.class, ExplorationMasking::mask)
                .register(PrivacyPolicyFacts.class, PolicyMasking::mask)
                .register(DeviceEvidence.class, DeviceEvidenceMasking::mask)
                .register(DeviceCapture.class, DeviceCaptureMasking::mask);
    }

    public <T extends EvidenceSection> SectionMaskers register(Class<T> type, UnaryOperator<T> masker) {
        maskers.put(type, s -> masker.apply(type.cast(s)));
        return this;
    }

    /** The masked section, or null when no masker is registered for its type. */
    EvidenceSection mask(EvidenceSection section) {
        UnaryOperator<EvidenceSection> m = maskers.get(section.getClass());
        return m == null ? null : m.apply(section);
    }
}
