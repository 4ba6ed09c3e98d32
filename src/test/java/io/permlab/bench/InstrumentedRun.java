package io.permlab.bench;

import io.permlab.capture.HarEntry;
import io.permlab.capture.HarRun;
import io.permlab.capture.HarWriter;
import io.permlab.capture.PiScanner;
import io.permlab.device.web.LocalChromeSessionFactory;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.RawRun;
import io.permlab.exercise.Session;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same flow as PermLab runs it in an exploration's baseline run: a session from LocalChromeSessionFactory (DevTools
 * attached, permission shim, network and error observers, grant policy), FlowRunner (settling after each interaction,
 * screenshots of permission requests and the checkpoint, storage read at the end), then what ExplorationRecorder does
 * with the run (PI scan of every exchange and of storage, HAR written), then closing the session.
 */
final class InstrumentedRun {
    private InstrumentedRun() {
    }

    static Phases run(BenchSample sample, KnowledgeBase knowledge, Path workDir) throws Exception {
        Path files = Files.createTempDirectory(workDir, "run-");
        LocalChromeSessionFactory factory = new LocalChromeSessionFactory(sample.profile, sample.environment, knowledge,
                workDir.resolve(".work"));
        RunPolicy policy = RunPolicy.baseline();
        long t0 = System.nanoTime();
        Session session = factory.open(policy);
        double start = Phases.millisSince(t0);
        double flow;
        double afterCheckpoint;
        double record;
        long t1 = System.nanoTime();
        try {
            RawRun raw = new FlowRunner(new PurposeDetector(knowledge), FlowRunner.Options.defaults())
                    .run(sample.flow, session, policy, "add-address-grant", sample.urls, store(files));
            flow = Phases.millisSince(t1);
            if (!raw.passed()) {
                throw new IllegalStateException("PermLab's run did not reach the checkpoint: " + raw.checkpoint().detail());
            }
            io.permlab.model.dynamic.StepRecord last = raw.steps().get(raw.steps().size() - 1);
            afterCheckpoint = raw.durationMillis() - (last.atMillis() + last.durationMillis());
            long t2 = System.nanoTime();
            record(raw, files);
            record = Phases.millisSince(t2);
        } catch (RuntimeException e) {
            session.close();
            factory.close();
            throw e;
        }
        long t3 = System.nanoTime();
        session.close();
        factory.close(); // the browser kept warm for a next run is quit: a run of its own, as the plain script's
        double close = Phases.millisSince(t3);
        PlainSeleniumRun.deleteTree(files);
        return new Phases(start, flow, afterCheckpoint, record, close);
    }

    /** ExplorationRecorder's work on a run (that class is package-private): PI scans and the HAR file. */
    private static void record(RawRun raw, Path dir) throws IOException {
        List<HarEntry> har = new ArrayList<>();
        Long consent = raw.consentAtMillis();
        int sightings = 0;
        for (RawRun.TimedExchange t : raw.exchanges()) {
            sightings += PiScanner.sent(t.exchange()).size() + PiScanner.received(t.exchange()).size();
            har.add(new HarEntry(t.exchange(), t.stepIndex(), consent != null && t.atMillis() < consent));
        }
        sightings += PiScanner.stored(raw.storage()).size();
        HarWriter.write(dir.resolve("traffic.har"), new HarRun("bench", raw.session(), raw.id(), raw.startedAt(), har), true);
        if (sightings == 0) {
            throw new IllegalStateException("no PI found in the non-compliant sample's baseline run: the recording did nothing");
        }
    }

    /** Saves a run's files in {@code dir}, as the explorer's store does in a run's folder. */
    static ArtifactStore store(Path dir) {
        return (name, content) -> {
            try {
                Files.write(dir.resolve(name), content);
                return name;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
