package io.permlab.exercise;

import io.permlab.model.dynamic.Run;

/**
 * Turns a finished raw run into evidence (its traffic written to a HAR and scanned for PI, its storage scanned) and
 * gives the exploration a place for the run's files. Implemented by the pipeline, which owns the output folder.
 */
public interface RunRecorder {
    ArtifactStore filesFor(String functionId, String runId);

    Run record(RawRun raw);
}
