package io.permlab.testsupport;

import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;

import java.nio.file.Path;
import java.util.List;

/** 'permlab scan' without the CLI: the inspecting pipeline over some paths, with the built-in knowledge. */
public final class Scans {
    private Scans() {
    }

    public static RunResult scan(List<Path> paths, String category, Path workRoot, String version, BatchListener listener) {
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        return Pipelines.inspecting(knowledge, InspectionLimits.defaults(), null)
                .run("scan", paths, new TargetLoader(knowledge, category), workRoot, version, listener);
    }
}
