package io.permlab.pipeline;

import io.permlab.model.EvidenceSection;
import io.permlab.model.Target;

import java.util.Optional;
import java.util.Set;

/**
 * One step of the pipeline that adds one typed section to a target's evidence: an inspector reading a package, or the
 * exercise of its functions. It says which targets it handles and which section type it contributes, so the pipeline
 * knows, before it runs anything, which rules judge a target (docs/architecture.md, "Adding a target kind").
 */
public interface EvidenceStage {
    boolean handles(Target target);

    Class<? extends EvidenceSection> section();

    /**
     * Section types this stage may add besides {@link #section()}, through {@link StageContext#contribute}: an exercise
     * whose device reports facts of its own. None by default.
     */
    default Set<Class<? extends EvidenceSection>> alsoContributes() {
        return Set.of();
    }

    /**
     * What this stage may add for this target: {@link #alsoContributes()} unless a kind of target gets less, so that
     * the rules reading a section it never gets are not listed for it (a report would show them passed).
     */
    default Set<Class<? extends EvidenceSection>> alsoContributes(Target target) {
        return alsoContributes();
    }

    /**
     * The section for this target, or empty when there was nothing to collect (the reasons are in the context's
     * problems). Problems that do not stop the stage go to {@code context}; one that does is thrown.
     */
    Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure;
}
