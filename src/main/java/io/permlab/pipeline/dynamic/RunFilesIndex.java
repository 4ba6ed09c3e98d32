package io.permlab.pipeline.dynamic;

import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.RawRun;
import io.permlab.exercise.RunRecorder;
import io.permlab.model.dynamic.Run;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A run recorder that remembers which file store it gave each run, so that what a session reports about "its" store
 * (the device's facts) can be joined with the run it belongs to. Recording is the wrapped recorder's.
 */
final class RunFilesIndex implements RunRecorder {
    private final RunRecorder recorder;
    private final Map<String, ArtifactStore> stores = new HashMap<>();

    RunFilesIndex(RunRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public synchronized ArtifactStore filesFor(String functionId, String runId) {
        ArtifactStore files = recorder.filesFor(functionId, runId);
        stores.put(functionId + "\n" + runId, files);
        return files;
    }

    @Override
    public Run record(RawRun raw) {
        return recorder.record(raw);
    }

    /** The store the run was given, if it was asked for one. */
    synchronized Optional<ArtifactStore> filesOf(String functionId, String runId) {
        return Optional.ofNullable(stores.get(functionId + "\n" + runId));
    }
}
