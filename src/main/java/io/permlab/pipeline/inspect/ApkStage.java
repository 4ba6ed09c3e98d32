package io.permlab.pipeline.inspect;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.apk.ApkFacts;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StageFailure;
import io.permlab.pipeline.StaticStage;

import java.util.Optional;

/** Static facts of an APK (manifest, dex, network security config), unpacked in the target's scratch folder. */
public final class ApkStage implements StaticStage {
    private final ApkInspector inspector;

    public ApkStage(KnowledgeBase knowledge, InspectionLimits limits) {
        this.inspector = new ApkInspector(knowledge, limits);
    }

    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.APK;
    }

    @Override
    public Class<ApkFacts> section() {
        return ApkFacts.class;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure {
        try {
            ApkInspector.Result inspected = inspector.inspect(target.location(), context.work());
            inspected.problems().forEach(p -> context.problem(target.location().toString(), "inspect", p));
            return Optional.of(inspected.facts());
        } catch (InspectionException e) {
            throw new StageFailure(e.file(), "inspect", e.getMessage());
        }
    }
}
