package io.permlab.pipeline;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.TargetKind;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.MiniProgramExercise;
import io.permlab.pipeline.dynamic.WebExercise;
import io.permlab.pipeline.inspect.ApkStage;
import io.permlab.pipeline.inspect.MiniProgramStage;
import io.permlab.pipeline.policy.PackagePolicyStage;
import io.permlab.pipeline.policy.WebPolicyStage;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place stages are registered: every static inspector, every exercise, and the rules that judge what they
 * collect. A new target kind adds its stage here (docs/architecture.md, "Adding a target kind").
 */
public final class Pipelines {
    /** The kinds 'scan' inspects; H5 targets it finds are listed as left to 'permlab run'. */
    public static final Set<TargetKind> STATIC_KINDS = EnumSet.of(TargetKind.APK, TargetKind.MINIPROGRAM);
    /** The kinds 'run' exercises: H5 apps in a browser, mini-program source folders in PermLab's runtime. */
    public static final Set<TargetKind> EXERCISED_KINDS = EnumSet.of(TargetKind.H5, TargetKind.MINIPROGRAM);
    /** The kinds the demo exercises: the H5 samples in the browser, the mini-program samples in PermLab's runtime. */
    public static final Set<TargetKind> DEMO_EXERCISED_KINDS = EnumSet.of(TargetKind.H5, TargetKind.MINIPROGRAM);

    private Pipelines() {
    }

    /** @param appId the app id that decrypts WeChat PC packages (--appid), or null */
    public static List<StaticStage> inspectors(KnowledgeBase knowledge, InspectionLimits limits, String appId) {
        return List.of(new ApkStage(knowledge, limits), new MiniProgramStage(knowledge, limits, appId),
                new PackagePolicyStage(knowledge.policyWords()));
    }

    /** 'permlab scan': static inspection only. */
    public static TargetPipeline inspecting(KnowledgeBase knowledge, InspectionLimits limits, String appId) {
        return new TargetPipeline(inspectors(knowledge, limits, appId), List.of(WebExercise.notByThisCommand()), false,
                new RuleEngine(knowledge, RuleSet.all()));
    }

    /** 'permlab run': static inspection, then the exercise of H5 apps and mini-program source folders. */
    public static TargetPipeline exercising(KnowledgeBase knowledge, InspectionLimits limits, DynamicOptions options, Path outDir) {
        return new TargetPipeline(inspectors(knowledge, limits, null),
                List.of(new WebExercise(knowledge, options, outDir), new MiniProgramExercise(knowledge, options, outDir),
                        new WebPolicyStage(knowledge.policyWords())), true,
                new RuleEngine(knowledge, RuleSet.all()));
    }

    /**
     * 'permlab demo': the static samples inspected, the H5 samples exercised in the browser and the mini-program samples
     * in PermLab's runtime (sent coordinates traced to the position they came from, so the compliant twin's picked
     * address is not the phone's position).
     */
    public static TargetPipeline demo(KnowledgeBase knowledge, InspectionLimits limits, DynamicOptions options, Path outDir) {
        return exercising(knowledge, limits, options, outDir);
    }

    /** Where a command's scratch files go: inside its output folder, deleted when the batch ends. */
    public static Path workRoot(Path outDir) {
        return outDir.resolve(".work");
    }
}
