package io.permlab.batch;

import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.report.campaign.CampaignEntry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs a campaign from its journal: every target not yet finished is inspected (static ones on a pool as wide as the
 * machine, dynamic ones on --parallel sessions), its result committed to the journal the moment it is finished, and
 * the campaign's results assembled in manifest order, from the journal, whichever process inspected them.
 */
public final class CampaignRunner {
    /** How wide the pools are and how many attempts a target gets when what failed was not the app. */
    public record Options(int staticThreads, int parallelSessions, int maxAttempts) {
        public Options {
            if (staticThreads < 1 || parallelSessions < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("threads, sessions and attempts must be at least 1");
            }
        }
    }

    /** Told whenever a target's status changes; the campaign page is rewritten from it as the batch goes. */
    public interface Progress {
        void update(List<CampaignEntry> entries);

        Progress NONE = entries -> { };
    }

    private final TargetInspector inspector;
    private final Predicate<ManifestRow> dynamic;
    private final Options options;

    public CampaignRunner(TargetInspector inspector, Predicate<ManifestRow> dynamic, Options options) {
        this.inspector = inspector;
        this.dynamic = dynamic;
        this.options = options;
    }

    /** The result of a campaign: what reports render, and the per-app view of the campaign report. */
    public record Outcome(RunResult run, List<CampaignEntry> entries) {
    }

    public Outcome run(Manifest manifest, boolean resume, Path outDir, String version, BatchListener listener, Progress progress) {
        Ids ids = Ids.of(manifest);
        // --resume with no journal yet (killed before it was made): nothing was finished, so the campaign starts.
        boolean journalled = resume && Journal.exists(outDir);
        try (Journal journal = journalled ? Journal.resume(outDir, manifest) : Journal.create(outDir, manifest, ids.targets(), Instant.now())) {
            CampaignState state = new CampaignState(manifest, ids, journal);
            inspector.prepare(journal).forEach(listener::notice);
            listener.started(manifest.rows().size() + manifest.rejected().size());
            // Targets finished by an earlier process are told first, so the console and permlab.log list the whole campaign.
            state.entries().stream().filter(e -> e.result() != null).forEach(e -> listener.finished(e.result()));
            progress.update(state.entries());
            inspectPending(state, journal, outDir, listener, progress);
            ScratchDeletion.deleteInside(outDir, outDir.resolve(".work"));
            List<TargetResult> results = state.resultsInRowOrder();
            return new Outcome(new RunResult("batch", "PermLab", version, journal.startedAt(), Instant.now(), results), state.entries());
        }
    }

    private void inspectPending(CampaignState state, Journal journal, Path outDir, BatchListener listener, Progress progress) {
        ExecutorService statics = Executors.newFixedThreadPool(options.staticThreads());
        ExecutorService sessions = Executors.newFixedThreadPool(options.parallelSessions());
        AtomicReference<JournalException> broken = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (BatchTarget t : state.pending()) {
                ExecutorService pool = dynamic.test(t.row()) ? sessions : statics;
                running.add(pool.submit(() -> {
                    if (broken.get() != null) {
                        return; // the journal cannot record results: inspecting more would be lost work
                    }
                    try {
                        inspect(t, state, journal, outDir, listener, progress);
                    } catch (JournalException e) {
                        broken.compareAndSet(null, e);
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a campaign worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the campaign ran", e);
                }
            }
        } finally {
            statics.shutdownNow();
            sessions.shutdownNow();
        }
        if (broken.get() != null) {
            throw broken.get();
        }
    }

    /** One target, attempt after attempt while what failed was not the app and attempts are left. */
    private void inspect(BatchTarget t, CampaignState state, Journal journal, Path outDir, BatchListener listener, Progress progress) {
        for (int attempt = 1; ; attempt++) {
            // A run folder left by an attempt cut short (or by a killed process) is not evidence of this attempt.
            ScratchDeletion.deleteInside(outDir, outDir.resolve("runs").resolve(t.id()));
            journal.running(t.id());
            state.update(t.id(), CampaignEntry.Status.RUNNING, null, progress);
            TargetInspector.Inspected inspected = inspectSafely(t);
            if (inspected.transientFailure() && attempt < options.maxAttempts()) {
                journal.retry(t.id(), inspected.transientCause());
                continue;
            }
            TargetResult r = inspected.result();
            TargetState end = r.failed() ? TargetState.FAILED : TargetState.DONE;
            String reason = r.failed() ? (inspected.transientFailure() ? "after " + attempt + " attempts: " + inspected.transientCause()
                    : r.errors().get(0).oneLine()) : null;
            journal.finished(t.id(), end, reason, ResultCodec.encode(r));
            listener.finished(r);
            state.update(t.id(), end == TargetState.DONE ? CampaignEntry.Status.DONE : CampaignEntry.Status.FAILED, r, progress);
            return;
        }
    }

    private TargetInspector.Inspected inspectSafely(BatchTarget t) {
        try {
            return inspector.inspect(t);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A defect on one target must not cost the campaign: recorded on the target, deterministic.
            Target target = new Target(t.id(), t.row().name(), TargetKind.UNKNOWN, t.row().targetPath(), t.row().category(), List.of());
            return TargetInspector.Inspected.of(new TargetResult(target, null, List.of(), List.of(new ProcessingError(t.id(),
                    String.valueOf(t.row().targetPath()), "internal error", e.getClass().getName() + ": " + e.getMessage())), 0, List.of()));
        }
    }

    /** The ids of every row, the rejected ones too (their results name them), in row order. */
    record Ids(Map<Integer, String> byRow, List<BatchTarget> targets) {
        static Ids of(Manifest manifest) {
            CampaignIds ids = new CampaignIds();
            Map<Integer, String> byRow = new LinkedHashMap<>();
            List<BatchTarget> targets = new ArrayList<>();
            List<Object> all = new ArrayList<>();
            all.addAll(manifest.rows());
            all.addAll(manifest.rejected());
            all.sort(java.util.Comparator.comparingInt(o -> o instanceof ManifestRow r ? r.row() : ((Manifest.RejectedRow) o).row()));
            for (Object o : all) {
                if (o instanceof ManifestRow r) {
                    String id = ids.next(r.name(), r.version());
                    byRow.put(r.row(), id);
                    targets.add(new BatchTarget(id, r));
                } else {
                    Manifest.RejectedRow r = (Manifest.RejectedRow) o;
                    byRow.put(r.row(), ids.next(r.name(), r.version()));
                }
            }
            return new Ids(byRow, targets);
        }
    }

    /** What the campaign knows: each row's status and, when finished, its result (read back from the journal on resume). */
    private static final class CampaignState {
        private final Manifest manifest;
        private final Ids ids;
        private final Map<String, JournalEntry> journalled = new LinkedHashMap<>();
        private final Map<String, TargetResult> results = new ConcurrentHashMap<>();
        private final Map<String, CampaignEntry.Status> statuses = new ConcurrentHashMap<>();

        CampaignState(Manifest manifest, Ids ids, Journal journal) {
            this.manifest = manifest;
            this.ids = ids;
            for (JournalEntry e : journal.entries()) {
                journalled.put(e.id(), e);
            }
            for (BatchTarget t : ids.targets()) {
                JournalEntry e = journalled.get(t.id());
                if (e == null || e.row() != t.row().row()) {
                    throw JournalException.refused(journal.file() + " does not list row " + t.row().row() + " as " + t.id()
                            + ": refusing to resume; it was left as it is");
                }
                if (e.state().finished()) {
                    String json = journal.result(t.id()).orElseThrow(() -> JournalException.refused(journal.file()
                            + " holds no result for finished target " + t.id() + ": refusing to resume"));
                    results.put(t.id(), decode(journal, json, t.id()));
                }
                statuses.put(t.id(), switch (e.state()) {
                    case DONE -> CampaignEntry.Status.DONE;
                    case FAILED -> CampaignEntry.Status.FAILED;
                    default -> CampaignEntry.Status.PENDING;
                });
            }
        }

        /** A stored result another PermLab version wrote, or a damaged row: refused, never re-inspected over. */
        private static TargetResult decode(Journal journal, String json, String id) {
            try {
                return ResultCodec.decode(json);
            } catch (RuntimeException e) {
                throw JournalException.refused(journal.file() + " holds a result for finished target " + id
                        + " that this PermLab cannot read (written by another version, or damaged: " + e.getMessage()
                        + "); refusing to resume; it was left as it is — finish the campaign with the version that began it", e);
            }
        }

        List<BatchTarget> pending() {
            return ids.targets().stream().filter(t -> !results.containsKey(t.id())).toList();
        }

        /** Under one lock with the page's rewrite, so that an older state never replaces a newer page. */
        synchronized void update(String id, CampaignEntry.Status status, TargetResult result, Progress progress) {
            statuses.put(id, status);
            if (result != null) {
                results.put(id, result);
            }
            progress.update(entries());
        }

        synchronized List<CampaignEntry> entries() {
            List<CampaignEntry> out = new ArrayList<>();
            for (ManifestRow r : manifest.rows()) {
                String id = ids.byRow().get(r.row());
                out.add(new CampaignEntry(r.row(), r.name(), r.operator(), r.version(), r.category(), statuses.get(id), results.get(id)));
            }
            for (Manifest.RejectedRow r : manifest.rejected()) {
                out.add(new CampaignEntry(r.row(), r.name(), r.operator(), r.version(), null, CampaignEntry.Status.REJECTED, rejected(r)));
            }
            out.sort(java.util.Comparator.comparingInt(CampaignEntry::row));
            return out;
        }

        List<TargetResult> resultsInRowOrder() {
            return entries().stream().map(e -> {
                if (e.result() == null) {
                    throw new IllegalStateException("row " + e.row() + " was not inspected");
                }
                return e.result();
            }).toList();
        }

        private TargetResult rejected(Manifest.RejectedRow r) {
            String id = ids.byRow().get(r.row());
            Target t = new Target(id, r.name() == null ? "row " + r.row() : r.name(), TargetKind.UNKNOWN, null, null, List.of());
            return new TargetResult(t, null, List.of(), r.problems().stream()
                    .map(p -> new ProcessingError(id, p.file(), "manifest", p.oneLine().substring(p.file().length() + 2))).toList(), 0, List.of());
        }
    }
}
