package io.permlab.pipeline;

import io.permlab.model.TargetResult;

/** Told about each target as the batch goes; the CLI draws its progress bar from it. */
public interface BatchListener {
    void started(int total);

    void finished(TargetResult result);

    /** Something the user should know that is no target's result (say, Grid sessions a killed run left open, ended). */
    default void notice(String line) {
    }

    BatchListener NONE = new BatchListener() {
        @Override
        public void started(int total) {
        }

        @Override
        public void finished(TargetResult result) {
        }
    };
}
