package io.permlab.bench;

/**
 * One run of the add-address flow, by phase (milliseconds): starting the browser session, the flow's steps up to its
 * checkpoint and whatever the runner does after it (of which {@code afterCheckpoint}: PermLab's storage snapshot and
 * last collection), recording (PI scan and HAR; zero for the plain script, which records nothing), closing the session.
 */
record Phases(double start, double flow, double afterCheckpoint, double record, double close) {
    double total() {
        return start + flow + record + close;
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
