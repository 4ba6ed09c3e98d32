package io.permlab.cli;

import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A progress bar on an interactive terminal for multi-target batches; otherwise (CI logs, pipes, a single target)
 * one line per target. Errors of every target are printed either way, after the bar when there is one.
 */
final class ProgressListener implements BatchListener, AutoCloseable {
    private final PrintWriter err;
    private final RunLog log;
    private final boolean wanted;
    private ProgressBar bar;
    private final java.util.List<TargetResult> failed = new java.util.ArrayList<>();

    private final String task;

    ProgressListener(PrintWriter err, RunLog log, boolean wanted, String task) {
        this.err = err;
        this.log = log;
        this.wanted = wanted;
        this.task = task;
    }

    /** A command may run several batches (demo): each adds its targets to the bar. */
    @Override
    public void started(int total) {
        if (bar != null) {
            bar.maxHint(bar.getMax() + total);
            return;
        }
        if (wanted && total > 1 && System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterOutputStream(err), true)))
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
    }

    @Override
    public void finished(TargetResult result) {
        log.target(result, bar == null);
        if (bar != null && result.failed()) {
            failed.add(result);
        }
        if (bar != null) {
            bar.setExtraMessage(TerminalText.clean(result.target().id()));
            bar.step();
        }
    }

    @Override
    public void notice(String line) {
        log.notice("permlab " + task + ": " + line);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            failed.forEach(r -> log.target(r, true));
        }
    }

    /** Bridges the progress bar's PrintStream onto picocli's error writer, so tests can capture it. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            w.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            w.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            w.flush();
        }
    }
}
