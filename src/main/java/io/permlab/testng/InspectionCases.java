package io.permlab.testng;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.PermLabVersion;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import io.permlab.report.Masking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the inspections once (the exploration decides which runs exist) and cuts the result into test cases: one per
 * target × function × policy, each carrying the findings it proves. Findings that are about the function as a whole
 * belong to its baseline run; "mandatory" findings belong to the refused run that proved them.
 */
final class InspectionCases {
    private static final Set<String> PROVEN_BY_VARIANT = Set.of("DYN-PERM-MANDATORY", "DYN-PRECISE-LOCATION-MANDATORY", "DYN-PERM-REASK",
            "DYN-CONSENT-MANDATORY", "DYN-CONSENT-REASKED", "DYN-COLLECTED-AFTER-DECLINE");

    private InspectionCases() {
    }

    /** The result masked as reports are: Allure shows step descriptions (typed text), URLs and messages. */
    static RunResult inspect(List<Path> targets, Path home, Path device, Path outDir) throws Exception {
        DynamicOptions options = new DynamicOptions(DeviceProfiles.load(device), SessionChoice.local(), true,
                FlowRunner.Options.defaults(), home);
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        return Masking.mask(Pipelines.exercising(knowledge, InspectionLimits.defaults(), options, outDir).run("run", targets,
                new TargetLoader(knowledge, null, Pipelines.EXERCISED_KINDS), Pipelines.workRoot(outDir), PermLabVersion.current(),
                BatchListener.NONE));
    }

    static List<RunCase> cases(RunResult result) {
        List<RunCase> out = new ArrayList<>();
        for (TargetResult t : result.targets()) {
            Optional<Exploration> exploration = t.evidence() == null ? Optional.empty()
                    : t.evidence().section(Exploration.class);
            if (exploration.isEmpty()) {
                out.add(RunCase.notInspected(t));
                continue;
            }
            for (FunctionExploration f : exploration.get().functions()) {
                for (Run run : f.runs()) {
                    out.add(new RunCase(t, f, run, findingsOf(t, f, run)));
                }
            }
        }
        return out;
    }

    private static List<Finding> findingsOf(TargetResult t, FunctionExploration f, Run run) {
        List<Finding> out = new ArrayList<>();
        for (Finding finding : t.findings()) {
            boolean mine = finding.evidence().stream().anyMatch(p -> run.id().equals(p.run()));
            boolean variantRule = PROVEN_BY_VARIANT.contains(finding.ruleId());
            if (run.policy().kind() == RunPolicy.Kind.GRANT ? mine && !variantRule : mine && variantRule && provedBy(f, run)) {
                out.add(finding);
            }
        }
        return out;
    }

    private static boolean provedBy(FunctionExploration f, Run run) {
        return run.policy().kind() == RunPolicy.Kind.DENY
                || f.effects().stream().map(PermissionEffect::variantRunId).anyMatch(run.id()::equals);
    }
}
