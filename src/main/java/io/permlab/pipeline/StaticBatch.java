package io.permlab.pipeline;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.TargetResult;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code permlab scan}: finds the targets, inspects each, runs the rules. One bad target never stops the batch. */
public final class StaticBatch {
    private final KnowledgeBase knowledge;
    private final InspectionLimits limits;

    public StaticBatch(KnowledgeBase knowledge, InspectionLimits limits) {
        this.knowledge = knowledge;
        this.limits = limits;
    }

    public RunResult run(List<Path> paths, String category, Path workRoot, String version, BatchListener listener) {
        return run(paths, category, null, workRoot, version, listener);
    }

    /** @param appId the app id that decrypts WeChat PC packages (--appid), or null */
    public RunResult run(List<Path> paths, String category, String appId, Path workRoot, String version, BatchListener listener) {
        Instant started = Instant.now();
        List<TargetSpec> specs = new TargetLoader(knowledge, category).load(paths);
        Inspection inspection = new Inspection(knowledge, new RuleEngine(knowledge, RuleSet.all()), limits, workRoot, appId);
        listener.started(specs.size());
        List<TargetResult> results = new ArrayList<>();
        try {
            for (TargetSpec spec : specs) {
                TargetResult r = inspection.run(spec);
                results.add(r);
                listener.finished(r);
            }
        } finally {
            Path scratch = workRoot.toAbsolutePath().normalize();
            ScratchDeletion.deleteInside(scratch.getParent(), scratch);
        }
        return new RunResult("scan", "PermLab", version, started, Instant.now(), results);
    }
}
