package io.permlab.capture.proxy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The recorder's start, which exchange times are counted from, and the ids of its exchanges ("proxy-1", ...). */
final class RecorderClock {
    private final Instant started = Instant.now();
    private final AtomicLong ids = new AtomicLong();

    Instant started() {
        return started;
    }

    long millisSinceStart(Instant at) {
        return Math.max(0, Duration.between(started, at).toMillis());
    }

    String nextId() {
        return "proxy-" + ids.incrementAndGet();
    }
}
