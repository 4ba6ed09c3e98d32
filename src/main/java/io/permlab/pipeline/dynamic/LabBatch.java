package io.permlab.pipeline.dynamic;

import com.google.gson.GsonBuilder;
import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.device.lab.Lab;
import io.permlab.device.lab.LabDevice;
import io.permlab.device.lab.LabException;
import io.permlab.device.lab.LabProfile;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetPipeline;
import io.permlab.pipeline.TargetSpec;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code permlab run apps/ --device devices/lab.json}: APK targets spread over a device lab, one exploration per free
 * device at a time (the rest queue). Each device gets its own pipeline (static inspection, its Android exercise,
 * rules), so a target is judged exactly as on a single phone. After a target whose run went wrong the device is
 * looked at again, in the lab's list and in adb's: a device gone or offline is lost; the target is not judged on it
 * but retried once on another device, and the lost device takes no more targets. A target whose second device is
 * lost too, or that finds no device left, carries that as its error; the batch goes on. Which device ran what, and
 * which were lost, is written to {@code lab-allocation.json} in the output folder.
 */
public final class LabBatch {
    static final String ALLOCATION_FILE = "lab-allocation.json";

    private final KnowledgeBase knowledge;
    private final DialogKnowledge dialogs;
    private final LabProfile profile;
    private final Lab lab;
    private final FlowRunner.Options runner;
    private final boolean mask;
    private final Path home;
    private final AndroidExercise.DeviceLinkFactory links;

    public LabBatch(KnowledgeBase knowledge, DialogKnowledge dialogs, LabProfile profile, FlowRunner.Options runner, boolean mask, Path home) {
        this(knowledge, dialogs, profile, profile.lab(), runner, mask, home, url -> DeviceLink.real(Adb.locate(), url));
    }

    /** @param lab and @param links scripted in tests: the lab's API and the devices behind it */
    LabBatch(KnowledgeBase knowledge, DialogKnowledge dialogs, LabProfile profile, Lab lab, FlowRunner.Options runner, boolean mask, Path home,
             AndroidExercise.DeviceLinkFactory links) {
        this.knowledge = knowledge;
        this.dialogs = dialogs;
        this.profile = profile;
        this.lab = lab;
        this.runner = runner;
        this.mask = mask;
        this.home = home;
        this.links = links;
    }

    public RunResult run(List<Path> paths, String category, Path outDir, String version, BatchListener listener) {
        Instant started = Instant.now();
        List<TargetSpec> specs = new TargetLoader(knowledge, category, EnumSet.of(TargetKind.APK)).load(paths);
        listener.started(specs.size());
        Path workRoot = Pipelines.workRoot(outDir);
        TargetResult[] results = new TargetResult[specs.size()];
        Allocation allocation = new Allocation();
        try {
            List<LabDevice> free;
            String unavailable = null;
            List<LabDevice> listed = List.of();
            try {
                listed = lab.devices();
            } catch (LabException e) {
                unavailable = e.getMessage();
            }
            free = listed.stream().filter(LabDevice::free).toList();
            allocation.listed = listed.stream().map(LabDevice::describe).toList();
            if (unavailable == null && free.isEmpty()) {
                unavailable = "the lab " + lab.describe() + " has no free Android device (it lists " + (listed.isEmpty() ? "none"
                        : listed.stream().map(LabDevice::describe).collect(Collectors.joining("; "))) + "): free one, plug one in, "
                        + "or check with 'permlab devices --lab " + profile.name() + "'";
            }
            if (unavailable != null) {
                for (int i = 0; i < specs.size(); i++) {
                    results[i] = unexercised(specs.get(i), unavailable);
                    listener.finished(results[i]);
                }
            } else {
                Queue queue = new Queue(specs, Math.min(free.size(), specs.size()));
                List<Thread> workers = new ArrayList<>();
                for (LabDevice d : free.subList(0, Math.min(free.size(), specs.size()))) {
                    Thread t = new Thread(() -> work(d, queue, workRoot, outDir, results, allocation, listener), "lab-" + d.udid());
                    workers.add(t);
                    t.start();
                }
                for (Thread t : workers) {
                    joinUninterruptibly(t);
                }
                for (Job left : queue.abandoned()) {
                    results[left.index] = unexercised(left.spec, "not exercised: no device of the lab " + lab.describe() + " is left"
                            + (left.lostOn == null ? "" : " after " + left.lostOn) + " (lost: " + String.join(", ", allocation.lostDevices()) + ")");
                    listener.finished(results[left.index]);
                }
            }
        } finally {
            writeAllocation(outDir, allocation);
            Path scratch = workRoot.toAbsolutePath().normalize();
            ScratchDeletion.deleteInside(scratch.getParent(), scratch);
        }
        List<TargetResult> all = new ArrayList<>();
        for (TargetResult r : results) {
            all.add(r);
        }
        return new RunResult("run", "PermLab", version, started, Instant.now(), all);
    }

    /** One device's worker: takes the next target until none is left or the device is lost. */
    private void work(LabDevice device, Queue queue, Path workRoot, Path outDir, TargetResult[] results, Allocation allocation,
                      BatchListener listener) {
        AndroidExercise exercise = new AndroidExercise(knowledge, dialogs, profile.forDevice(device), runner, mask, home, outDir,
                lab.sessionUrl(), links);
        TargetPipeline pipeline = new TargetPipeline(Pipelines.inspectors(knowledge, InspectionLimits.defaults(), null),
                List.of(exercise), true, new RuleEngine(knowledge, RuleSet.all()));
        try {
            Job job;
            while ((job = queue.next()) != null) {
                TargetResult r = pipeline.run(job.spec, workRoot);
                Optional<String> lost = r.failed() ? lost(device) : Optional.empty();
                String id = job.spec.target().id();
                if (lost.isEmpty()) {
                    allocation.ran(id, device.udid(), job.lostOn == null ? "done" : "done after " + job.lostOn + " was lost");
                    synchronized (results) {
                        results[job.index] = r;
                    }
                    synchronized (listener) {
                        listener.finished(r);
                    }
                    queue.done();
                    continue;
                }
                String why = "device " + device.udid() + " lost mid-run (" + lost.get() + ")";
                allocation.lost(device.udid(), lost.get());
                allocation.ran(id, device.udid(), "inconclusive: " + why);
                if (job.lostOn == null && queue.retryElsewhere(job.retry(why))) {
                    queue.done();
                } else {
                    List<ProcessingError> errors = new ArrayList<>(r.errors());
                    errors.add(new ProcessingError(id, null, "device", (job.lostOn == null ? "" : "retried after " + job.lostOn
                            + "; ") + why + ": the target is inconclusive, not judged"));
                    TargetResult failed = new TargetResult(r.target(), null, List.of(), errors, r.millis(), r.notInspected(), r.rules());
                    synchronized (results) {
                        results[job.index] = failed;
                    }
                    synchronized (listener) {
                        listener.finished(failed);
                    }
                    queue.done();
                }
                queue.deviceGone();
                return;
            }
        } finally {
            exercise.close();
            queue.deviceGone();
        }
    }

    /** Why the device is lost — gone from the lab or offline there, gone from adb or not usable — or empty when it is still there. */
    Optional<String> lost(LabDevice device) {
        try {
            Optional<LabDevice> now = lab.devices().stream().filter(d -> d.udid().equals(device.udid())).findFirst();
            if (now.isEmpty()) {
                return Optional.of("the lab no longer lists it");
            }
            if (now.get().state() == LabDevice.State.OFFLINE) {
                return Optional.of("the lab lists it " + now.get().describe());
            }
        } catch (LabException e) {
            // the lab itself not answering says nothing about this one device; adb still does
        }
        try {
            List<AttachedDevice> attached = links.link(lab.sessionUrl()).devices();
            Optional<AttachedDevice> a = attached.stream().filter(d -> d.serial().equals(device.udid())).findFirst();
            if (a.isEmpty()) {
                return Optional.of("adb no longer lists it");
            }
            if (!a.get().usable()) {
                return Optional.of("adb: " + a.get().describe());
            }
        } catch (AdbException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static TargetResult unexercised(TargetSpec spec, String why) {
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        errors.add(new ProcessingError(spec.target().id(), spec.target().location() == null ? null : spec.target().location().toString(),
                "device", why));
        return new TargetResult(spec.target(), null, List.of(), errors, 0, List.of());
    }

    private static void writeAllocation(Path outDir, Allocation allocation) {
        try {
            Files.createDirectories(outDir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("listed", allocation.listed);
            synchronized (allocation) {
                out.put("runs", allocation.runs);
                out.put("lost", allocation.lost);
            }
            Files.writeString(outDir.resolve(ALLOCATION_FILE), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
        } catch (IOException e) {
            // the reports carry each target's outcome; the allocation is a convenience
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A target waiting for a device; {@code lostOn} names the device it was lost on, once. */
    private record Job(int index, TargetSpec spec, String lostOn) {
        Job retry(String why) {
            return new Job(index, spec, why);
        }
    }

    /**
     * The targets waiting for a device. A worker asks for the next one and waits while others are still running (a
     * target they lose comes back); it gets none when nothing waits and nothing runs, or when it is the last device
     * and the target in hand cannot be retried.
     */
    private static final class Queue {
        private final Deque<Job> waiting = new ArrayDeque<>();
        private int running;
        private int devices;

        Queue(List<TargetSpec> specs, int devices) {
            for (int i = 0; i < specs.size(); i++) {
                waiting.add(new Job(i, specs.get(i), null));
            }
            this.devices = devices;
        }

        synchronized Job next() {
            while (waiting.isEmpty() && running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            Job j = waiting.poll();
            if (j != null) {
                running++;
            }
            return j;
        }

        synchronized void done() {
            running--;
            notifyAll();
        }

        /** Queues the target again when another device is still working; false when this was the last one. */
        synchronized boolean retryElsewhere(Job job) {
            if (devices <= 1) {
                return false;
            }
            waiting.addFirst(job);
            notifyAll();
            return true;
        }

        /** This worker's device takes no more targets (lost, or its worker ended); counted once per worker thread. */
        synchronized void deviceGone() {
            // each worker calls this once on loss and once in finally; count a thread once
            if (gonePerThread.add(Thread.currentThread())) {
                devices--;
                notifyAll();
            }
        }

        private final java.util.Set<Thread> gonePerThread = new java.util.HashSet<>();

        /** Targets still waiting when every device is gone. */
        synchronized List<Job> abandoned() {
            List<Job> out = new ArrayList<>(waiting);
            waiting.clear();
            return out;
        }
    }

    /** What ran where, for lab-allocation.json. */
    private static final class Allocation {
        List<String> listed = List.of();
        final List<Map<String, String>> runs = new ArrayList<>();
        final Map<String, String> lost = new LinkedHashMap<>();

        synchronized void ran(String target, String device, String outcome) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("target", target);
            m.put("device", device);
            m.put("outcome", outcome);
            runs.add(m);
        }

        synchronized List<String> lostDevices() {
            return lost.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        }

        synchronized void lost(String device, String why) {
            lost.put(device, why);
        }
    }
}
