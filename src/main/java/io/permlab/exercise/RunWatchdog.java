package io.permlab.exercise;

/**
 * The hard stop behind a run's deadline: steps already wait no longer than the deadline allows, but a browser that
 * hangs inside one call (a page that never finishes loading, a script that never returns) would hold the run
 * forever. Shortly after the deadline the watchdog stops the session's browser, so the blocked call fails and the run
 * ends as inconclusive with its evidence so far.
 */
final class RunWatchdog implements AutoCloseable {
    /** Time the run gets after its deadline to finish the step at hand on its own. */
    static final long GRACE_MILLIS = 2_000;

    private final Thread thread;

    private RunWatchdog(Session session, Deadline deadline) {
        thread = new Thread(() -> {
            try {
                long wait = deadline.remainingMillis();
                if (wait != Long.MAX_VALUE) {
                    Thread.sleep(wait + GRACE_MILLIS);
                    session.abort();
                }
            } catch (InterruptedException stopped) {
                // the run ended in time
            }
        }, "permlab-run-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    static RunWatchdog watch(Session session, Deadline deadline) {
        return new RunWatchdog(session, deadline);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
