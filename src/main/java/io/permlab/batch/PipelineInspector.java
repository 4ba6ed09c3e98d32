package io.permlab.batch;

import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.device.web.GridSessionLedger;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Exploration;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetPipeline;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetSpec;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * The one place the batch meets the pipeline: loads a row's target as 'scan' and 'run' do, gives it the campaign's
 * id, and runs it through {@link TargetPipeline} — the static one of 'scan' for packages, the exercising one of 'run'
 * (with the row's device profile) for H5 apps.
 */
public final class PipelineInspector implements TargetInspector {
    /** Settings for dynamic targets: the default device profile, where sessions come from, masking, runner options. */
    public record Dynamic(Path defaultProfile, SessionChoice sessions, boolean mask, long relaunchProbeMillis, Path home, int runsAtOnce) {
    }

    private static final Object APKTOOL = new Object();

    private final KnowledgeBase knowledge;
    private final Path outDir;
    private final Dynamic dynamic;
    private final ThreadLocal<TargetPipeline> inspections;
    private volatile GridSessionLedger gridSessions = GridSessionLedger.NONE;

    public PipelineInspector(KnowledgeBase knowledge, Path outDir, Dynamic dynamic) {
        this.knowledge = knowledge;
        this.outDir = outDir;
        this.dynamic = dynamic;
        // the static stages hold inspectors with their own buffers: one pipeline per worker thread
        this.inspections = ThreadLocal.withInitial(() -> Pipelines.inspecting(knowledge, InspectionLimits.defaults(), null));
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

    /** Ends the Grid sessions a killed run of this campaign left open; this run's are journalled from now on. */
    @Override
    public List<String> prepare(Journal journal) {
        List<String> notices = LeftoverGridSessions.end(journal);
        gridSessions = new JournalledGridSessions(journal);
        return notices;
    }

    @Override
    public Inspected inspect(BatchTarget bt) {
        ManifestRow row = bt.row();
        List<TargetSpec> specs = new TargetLoader(knowledge, row.category(), EnumSet.of(TargetKind.APK, TargetKind.MINIPROGRAM, TargetKind.H5))
                .load(List.of(row.targetPath()));
        if (specs.size() != 1) {
            Target t = new Target(bt.id(), row.name(), TargetKind.UNKNOWN, null, null, List.of());
            return Inspected.of(new TargetResult(t, null, List.of(), List.of(new ProcessingError(bt.id(), row.targetPath().toString(),
                    "target", "holds " + specs.size() + " targets: a manifest row names one APK, mini-program or target folder")), 0, List.of()));
        }
        TargetSpec spec = withId(specs.get(0), bt.id());
        if (spec.target().kind() == TargetKind.APK) {
            // apktool's decoding is not safe to run concurrently (PipelineInspectorConcurrencyTest saw resource tables and
            // manifests read as corrupt): APKs take turns, mini-programs still use the whole pool.
            synchronized (APKTOOL) {
                return Inspected.of(inspections.get().run(spec, workRoot()));
            }
        }
        if (spec.target().kind() != TargetKind.H5 || !spec.inspectable()) {
            return Inspected.of(inspections.get().run(spec, workRoot()));
        }
        DynamicOptions options;
        try {
            options = dynamicOptions(row);
        } catch (DeviceProfiles.InvalidProfileException e) {
            return Inspected.of(new TargetResult(spec.target(), null, List.of(), List.of(new ProcessingError(bt.id(),
                    String.valueOf(row.device()), "device", e.getMessage())), 0, List.of()));
        }
        // one pipeline per H5 row: its device profile is the row's, and its browser sessions end with it
        TargetPipeline exercising = Pipelines.exercising(knowledge, InspectionLimits.defaults(), options, outDir);
        TargetResult r = exercising.run("batch", List.of(spec), Instant.now(), workRoot().resolve("run-" + bt.id()), "", BatchListener.NONE)
                .targets().get(0);
        return new Inspected(r, transientCause(r));
    }

    private Path workRoot() {
        return Pipelines.workRoot(outDir);
    }

    private DynamicOptions dynamicOptions(ManifestRow row) throws DeviceProfiles.InvalidProfileException {
        DeviceProfile profile = DeviceProfiles.load(row.device() != null ? row.device() : dynamic.defaultProfile());
        return new DynamicOptions(profile, dynamic.sessions().withGridLedger(gridSessions), dynamic.mask(),
                new FlowRunner.Options(dynamic.mask(), dynamic.relaunchProbeMillis()), dynamic.home(), dynamic.runsAtOnce());
    }

    /**
     * An error whose typed cause says it was not the target's doing (a session that could not be had: the browser,
     * the Grid or the device failed), or runs left inconclusive after the exploration's own retry. Anything else (a
     * broken flow, an APK that does not install, a function that fails) is deterministic, whatever its phase is called.
     */
    static String transientCause(TargetResult r) {
        for (ProcessingError e : r.errors()) {
            if (e.transientCause() != null) {
                return e.transientCause().id() + ": " + e.message();
            }
        }
        Exploration exploration = r.evidence() == null ? null : r.evidence().section(Exploration.class).orElse(null);
        if (exploration == null) {
            return null;
        }
        for (FunctionExploration f : exploration.functions()) {
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
        Target renamed = t.withId(id);
        List<ProcessingError> problems = spec.problems().stream()
                .map(p -> new ProcessingError(id, p.file(), p.phase(), p.message())).toList();
        return new TargetSpec(renamed, problems);
    }
}
