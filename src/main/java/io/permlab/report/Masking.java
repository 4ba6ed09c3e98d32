package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;

/**
 * Masks personal information in everything a report shows: finding messages and evidence, error messages, and each
 * evidence section through its registered masker ({@link SectionMaskers}). Applied once before any renderer sees the run.
 */
public final class Masking {
    private Masking() {
    }

    public static RunResult mask(RunResult run) {
        return mask(run, SectionMaskers.standard());
    }

    public static RunResult mask(RunResult run, SectionMaskers sections) {
        return new RunResult(run.command(), run.tool(), run.version(), run.startedAt(), run.finishedAt(),
                run.targets().stream().map(t -> mask(t, sections)).toList());
    }

    private static TargetResult mask(TargetResult t, SectionMaskers sections) {
        Target target = mask(t.target());
        return new TargetResult(target, t.evidence() == null ? null : t.evidence().about(target).map(sections::mask),
                t.findings().stream().map(Masking::mask).toList(),
                t.errors().stream().map(e -> new ProcessingError(target.id(), EvidenceMasker.mask(e.file()), e.phase(),
                        EvidenceMasker.mask(e.message()), e.transientCause())).toList(),
                t.millis(), t.notInspected(), t.rules());
    }

    /** A file name can carry PI too ("订单-13812345678.apk"). */
    private static Target mask(Target t) {
        return t.renamed(EvidenceMasker.mask(t.id()), EvidenceMasker.mask(t.name()),
                t.location() == null ? null : java.nio.file.Paths.get(EvidenceMasker.mask(t.location().toString())));
    }

    private static Finding mask(Finding f) {
        return new Finding(f.ruleId(), EvidenceMasker.mask(f.targetId()), f.severity(), f.stage(), f.title(),
                f.message().map(EvidenceMasker::mask), f.legalBasis(), f.evidence().stream().map(Masking::mask).toList(), f.fingerprint());
    }

    private static EvidencePointer mask(EvidencePointer p) {
        return p.withText(EvidenceMasker.mask(p.symbol()), EvidenceMasker.mask(p.excerpt()));
    }
}
