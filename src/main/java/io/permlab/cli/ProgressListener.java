package io.permlab.cli;

import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;

/** A progress bar on stderr for multi-target batches, plus one log line per target. */
final class ProgressListener implements BatchListener, AutoCloseable {
    private final PrintWriter err;
    private final RunLog log;
    private final boolean wanted;
    private ProgressBar bar;

    ProgressListener(PrintWriter err, RunLog log, boolean wanted) {
        this.err = err;
        this.log = log;
        this.wanted = wanted;
    }

    @Override
    public void started(int total) {
        if (wanted && total > 1) {
            bar = new ProgressBarBuilder().setTaskName("scan").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterOutputStream(err), true)))
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
    }

    @Override
    public void finished(TargetResult result) {
        log.target(result, bar == null);
        if (bar != null) {
            bar.setExtraMessage(result.target().id());
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
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
