package io.permlab.pipeline;

import io.permlab.model.EvidenceSection;
import io.permlab.model.ProcessingError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stage gets besides the target: a scratch folder of its own inside the output folder (deleted when the
 * target is done) and the place its non-fatal problems go, recorded on the target as processing errors.
 */
public final class StageContext {
    private final String targetId;
    private final Path work;
    private final List<ProcessingError> errors;
    private final List<EvidenceSection> contributed = new ArrayList<>();

    StageContext(String targetId, Path work, List<ProcessingError> errors) {
        this.targetId = targetId;
        this.work = work;
        this.errors = errors;
    }

    public Path work() {
        return work;
    }

    public void problem(String file, String phase, String message) {
        errors.add(new ProcessingError(targetId, file, phase, message));
    }

    /**
     * A further section a stage contributes next to its own (the device's facts beside an exploration): its type must be
     * one the stage names in {@link EvidenceStage#alsoContributes()}, so that the rules reading it are known up front.
     */
    public void contribute(EvidenceSection section) {
        contributed.add(section);
    }

    /** The further sections contributed since the last call, in order. */
    List<EvidenceSection> takeContributed() {
        List<EvidenceSection> out = List.copyOf(contributed);
        contributed.clear();
        return out;
    }
}
