package io.permlab.exercise;

import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an exploration's runs share their places, with a runner that records when each run starts and holds it until
 * told (no browser: what is under test is the scheduling). Real browsers side by side: ConcurrentRunsTest.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VariantRunsTest {
    /** Records starts in order, counts runs holding a place, and keeps each refused run until the test releases it. */
    private static final class HeldRuns implements VariantRuns.Runner {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Explorer.Attempt attempt(RunPolicy policy, java.util.function.Consumer<String> asked) {
            started.add(policy.id());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (policy.id().equals("grant")) {
                    asked.accept("asked"); // the page asks while the baseline runs
                } else {
                    release.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return new Explorer.Attempt(List.of());
        }
    }

    @Test
    void placesGoToRunsInLaunchOrderAndNeverMoreThanTheirNumber() throws Exception {
        HeldRuns runs = new HeldRuns();
        try (VariantRuns variants = new VariantRuns(2, runs)) {
            variants.baseline(RunPolicy.baseline(), permission -> {
                variants.launch("geolocation", List.of(RunPolicy.deny("geolocation"), RunPolicy.approximateLocation()));
                variants.launch("camera", List.of(RunPolicy.deny("camera")));
            });
            // the baseline has ended: its place went to the first run launched, the second place too; camera waits
            waitUntil(() -> runs.started.size() == 3);
            assertThat(runs.started).containsExactly("grant", "deny-geolocation", "approximate-geolocation");
            runs.release.countDown();
            List<VariantRuns.Launched> done = variants.finished();
            assertThat(done).extracting(l -> l.policy().id()).containsExactly("deny-geolocation", "approximate-geolocation", "deny-camera");
        }
        assertThat(runs.started).containsExactly("grant", "deny-geolocation", "approximate-geolocation", "deny-camera");
        assertThat(runs.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aPermissionAskedAgainIsLaunchedOnce() throws Exception {
        HeldRuns runs = new HeldRuns();
        runs.release.countDown();
        try (VariantRuns variants = new VariantRuns(3, runs)) {
            variants.baseline(RunPolicy.baseline(), permission -> {
                variants.launch("camera", List.of(RunPolicy.deny("camera")));
                variants.launch("camera", List.of(RunPolicy.deny("camera")));
            });
            assertThat(variants.finished()).extracting(l -> l.policy().id()).containsExactly("deny-camera");
        }
    }

    @Test
    void withOnePlaceTheRunsWaitForTheBaselineAndFollowItOnThisThread() throws Exception {
        HeldRuns runs = new HeldRuns();
        runs.release.countDown();
        try (VariantRuns variants = new VariantRuns(1, runs)) {
            variants.baseline(RunPolicy.baseline(), permission -> { });
            variants.launch("geolocation", List.of(RunPolicy.deny("geolocation"), RunPolicy.approximateLocation()));
            assertThat(runs.started).containsExactly("grant"); // nothing started before finished() asks
            variants.finished();
        }
        assertThat(runs.started).containsExactly("grant", "deny-geolocation", "approximate-geolocation");
        assertThat(runs.mostAtOnce.get()).isEqualTo(1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 10 s").isTrue();
    }
}
