package io.permlab.batch;

import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.pipeline.Inspection;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetSpec;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import io.permlab.pipeline.dynamic.TargetExercise;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The one place the batch meets today's pipeline: loads a row's target as 'scan' and 'run' do, gives it the
 * campaign's id, and hands it to the static {@link Inspection} or the dynamic {@link TargetExercise}. When the
 * pipeline is refactored, only this class changes.
 */
public final class PipelineInspector implements TargetInspector {
    /** Settings for dynamic targets: the default device profile, where sessions come from, masking, runner options. */
    public record Dynamic(Path defaultProfile, SessionChoice sessions, boolean mask, long relaunchProbeMillis, Path home) {
    }

    private static final Object APKTOOL = new Object();

    private final KnowledgeBase knowledge;
    private final Path outDir;
    private final Dynamic dynamic;
    private final ThreadLocal<Inspection> inspections;

    public PipelineInspector(KnowledgeBase knowledge, Path outDir, Dynamic dynamic) {
        this.knowledge = knowledge;
        this.outDir = outDir;
        this.dynamic = dynamic;
        // An Inspection holds inspectors with their own buffers: one per worker thread.
        Path work = outDir.resolve(".work");
        this.inspections = ThreadLocal.withInitial(() -> new Inspection(knowledge, new RuleEngine(knowledge, RuleSet.all()),
                InspectionLimits.defaults(), work));
    }

    /** Whether the row is exercised in a browser (a pool of --parallel sessions) rather than inspected statically. */
    public static boolean isDynamic(ManifestRow row) {
        return java.nio.file.Files.isRegularFile(row.targetPath().resolve(io.permlab.pipeline.TargetDescriptor.FILE))
                && readKind(row.targetPath()) == TargetKind.H5;
    }

    private static TargetKind readKind(Path dir) {
        try {
            return io.permlab.pipeline.TargetDescriptor.read(dir.resolve(io.permlab.pipeline.TargetDescriptor.FILE)).kind();
        } catch (io.permlab.pipeline.TargetDescriptor.TargetFileException e) {
            return TargetKind.UNKNOWN;
        }
    }

    @Override
    public Inspected inspect(BatchTarget bt) {
        ManifestRow row = bt.row();
        List<TargetSpec> specs = new TargetLoader(knowledge, row.category(), EnumSet.of(TargetKind.APK, TargetKind.MINIPROGRAM, TargetKind.H5))
                .load(List.of(row.targetPath()));
        if (specs.size() != 1) {
            Target t = new Target(bt.id(), row.name(), TargetKind.UNKNOWN, null, null, List.of());
            return Inspected.of(new TargetResult(t, null, List.of(), List.of(new ProcessingError(bt.id(), row.targetPath().toString(),
                    "target", "holds " + specs.size() + " targets: a manifest row names one APK, mini-program or target folder")), 0));
        }
        TargetSpec spec = withId(specs.get(0), bt.id());
        if (spec.target().kind() == TargetKind.APK) {
            // apktool's decoding is not safe to run concurrently (PipelineInspectorConcurrencyTest saw resource tables and
            // manifests read as corrupt): APKs take turns, mini-programs still use the whole pool.
            synchronized (APKTOOL) {
                return Inspected.of(inspections.get().run(spec));
            }
        }
        if (spec.target().kind() != TargetKind.H5 || !spec.inspectable()) {
            return Inspected.of(inspections.get().run(spec));
        }
        DynamicOptions options;
        try {
            options = dynamicOptions(row);
        } catch (DeviceProfiles.InvalidProfileException e) {
            return Inspected.of(new TargetResult(spec.target(), null, List.of(), List.of(new ProcessingError(bt.id(),
                    String.valueOf(row.device()), "device", e.getMessage())), 0));
        }
        TargetResult r = new TargetExercise(knowledge, options, null, outDir).run(spec);
        return new Inspected(r, transientCause(r));
    }

    private DynamicOptions dynamicOptions(ManifestRow row) throws DeviceProfiles.InvalidProfileException {
        DeviceProfile profile = DeviceProfiles.load(row.device() != null ? row.device() : dynamic.defaultProfile());
        return new DynamicOptions(profile, dynamic.sessions(), dynamic.mask(),
                new FlowRunner.Options(dynamic.mask(), dynamic.relaunchProbeMillis()), dynamic.home());
    }

    /**
     * A session that could not be had, or runs left inconclusive after the exploration's own retry: the browser, the
     * Grid or the device failed, not the app. Anything else (a broken flow, a function that fails) is deterministic.
     */
    static String transientCause(TargetResult r) {
        for (ProcessingError e : r.errors()) {
            if ("session".equals(e.phase())) {
                return e.message();
            }
        }
        if (r.evidence() == null || r.evidence().exploration() == null) {
            return null;
        }
        for (FunctionExploration f : r.evidence().exploration().functions()) {
            boolean unjudged = f.effects().stream().anyMatch(e -> !e.judged());
            boolean baselineLost = f.baseline() != null && f.baseline().inconclusive();
            if (unjudged || baselineLost) {
                return "function '" + f.functionId() + "': runs stayed inconclusive after their retry";
            }
        }
        return null;
    }

    private static TargetSpec withId(TargetSpec spec, String id) {
        Target t = spec.target();
        Target renamed = new Target(id, t.name(), t.kind(), t.location(), t.categoryId(), t.functions());
        List<ProcessingError> problems = spec.problems().stream()
                .map(p -> new ProcessingError(id, p.file(), p.phase(), p.message())).toList();
        return new TargetSpec(renamed, problems, spec.leftTo());
    }
}
