package io.permlab.pipeline.inspect;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.inspect.miniprogram.MiniProgramInspector;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StageFailure;
import io.permlab.pipeline.StaticStage;

import java.util.Optional;

/** Static facts of a WeChat mini-program: app.json declarations and the API calls in its scripts. */
public final class MiniProgramStage implements StaticStage {
    private final MiniProgramInspector inspector;
    private final String appId;

    /** @param appId the app id that decrypts WeChat PC packages (--appid), or null */
    public MiniProgramStage(KnowledgeBase knowledge, InspectionLimits limits, String appId) {
        this.inspector = new MiniProgramInspector(limits, knowledge.miniProgramApis());
        this.appId = appId;
    }

    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.MINIPROGRAM;
    }

    @Override
    public Class<MiniProgramFacts> section() {
        return MiniProgramFacts.class;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure {
        try {
            MiniProgramInspector.Result inspected = inspector.inspect(target.location(), appId);
            inspected.problems().forEach(p -> context.problem(p.file(), "inspect", p.message()));
            return Optional.of(inspected.facts());
        } catch (InspectionException e) {
            throw new StageFailure(e.file(), "inspect", e.getMessage());
        }
    }
}
