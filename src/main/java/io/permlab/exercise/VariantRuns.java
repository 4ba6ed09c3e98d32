package io.permlab.exercise;

import io.permlab.model.dynamic.RunPolicy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The refused and approximate runs of one exploration, launched as the baseline is asked for permissions. With one
 * run at once they wait until the baseline is done and then run in launch order on the caller's thread (a phone has
 * one app to reset between runs). With more, each launched policy runs on a thread of its own as soon as one of the
 * places is free; the baseline holds one place while it runs, and places are handed out in launch order.
 */
final class VariantRuns implements AutoCloseable {
    /** Runs one policy (with its retry): {@code asked} hears each permission the page asks for. */
    interface Runner {
        Explorer.Attempt attempt(RunPolicy policy, Consumer<String> asked) throws SessionException;
    }

    /** A launched policy and its runs. */
    record Launched(String permission, RunPolicy policy, Explorer.Attempt attempt) {
    }

    private record Pending(String permission, RunPolicy policy, Future<Explorer.Attempt> running) {
    }

    private static final Consumer<String> NOT_LISTENING = permission -> { };
    private static final AtomicInteger EXPLORATIONS = new AtomicInteger();

    private final Runner runner;
    private final ExecutorService threads;
    private final Set<String> launched = new HashSet<>();
    private final List<Pending> pending = new ArrayList<>();
    /** Launched runs not started yet, in launch order: a place that frees goes to the first (a thread's start order would not). */
    private final Deque<FutureTask<Explorer.Attempt>> waiting = new ArrayDeque<>();
    private int freePlaces;
    private boolean collected;

    VariantRuns(int placesAtOnce, Runner runner) {
        this.runner = runner;
        this.freePlaces = placesAtOnce;
        if (placesAtOnce == 1) {
            this.threads = null;
        } else {
            int exploration = EXPLORATIONS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            this.threads = Executors.newCachedThreadPool(task -> {
                Thread t = new Thread(task, "permlab-exploration-" + exploration + "-run-" + n.incrementAndGet());
                t.setDaemon(true); // a run is bounded by its deadline; a stuck driver call must not keep the JVM alive
                return t;
            });
        }
    }

    /** Runs the baseline on this thread, holding a place; {@code asked} may {@link #launch} while it runs. */
    Explorer.Attempt baseline(RunPolicy policy, Consumer<String> asked) throws SessionException {
        synchronized (this) {
            freePlaces--; // the first run of the exploration: a place is free
        }
        try {
            return runner.attempt(policy, asked);
        } finally {
            placeFreed();
        }
    }

    /** Launches the policies of a permission, once per permission whoever asks again. */
    synchronized void launch(String permission, List<RunPolicy> policies) {
        if (collected || !launched.add(permission)) {
            return;
        }
        for (RunPolicy policy : policies) {
            FutureTask<Explorer.Attempt> task = threads == null ? null : new FutureTask<>(() -> inPlace(policy));
            pending.add(new Pending(permission, policy, task));
            if (task != null) {
                waiting.add(task);
            }
        }
        startWhilePlacesAreFree();
    }

    private synchronized void startWhilePlacesAreFree() {
        while (freePlaces > 0 && !waiting.isEmpty() && !threads.isShutdown()) {
            freePlaces--;
            threads.execute(waiting.poll());
        }
    }

    private void placeFreed() {
        synchronized (this) {
            freePlaces++;
        }
        if (threads != null) {
            startWhilePlacesAreFree();
        }
    }

    private Explorer.Attempt inPlace(RunPolicy policy) throws SessionException {
        try {
            return runner.attempt(policy, NOT_LISTENING);
        } finally {
            placeFreed();
        }
    }

    /** Every launched policy with its runs, in launch order, once all have finished (sequential ones run now). */
    List<Launched> finished() throws SessionException {
        List<Pending> all;
        synchronized (this) {
            collected = true;
            all = List.copyOf(pending);
        }
        List<Launched> out = new ArrayList<>();
        for (Pending p : all) {
            out.add(new Launched(p.permission(), p.policy(), p.running() == null ? runner.attempt(p.policy(), NOT_LISTENING) : await(p)));
        }
        return out;
    }

    private static Explorer.Attempt await(Pending p) throws SessionException {
        try {
            return p.running().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for run " + p.policy().id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SessionException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Stops the threads. After {@link #finished} they are idle; when the baseline failed instead, the runs already
     * started are interrupted and given a little time to close their sessions.
     */
    @Override
    public void close() {
        if (threads == null) {
            return;
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
