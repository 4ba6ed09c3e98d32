package io.permlab.exercise;

/**
 * A moment after which PermLab stops waiting, named for the message that says why a run was cut short ("the run
 * ceiling of 300000 ms"). Deadlines nest: a run's is the earlier of its own ceiling and its exploration's.
 */
public final class Deadline {
    private final long atNanos;
    private final String name;

    private Deadline(long atNanos, String name) {
        this.atNanos = atNanos;
        this.name = name;
    }

    /** {@code millis} from now; {@code what} is "run", "exploration", "target". */
    public static Deadline in(long millis, String what) {
        return new Deadline(System.nanoTime() + millis * 1_000_000L, "the " + what + " ceiling of " + millis + " ms");
    }

    /** No bound (for callers that impose none). */
    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE, "no ceiling");
    }

    public Deadline earlierOf(Deadline other) {
        if (atNanos == Long.MAX_VALUE) {
            return other;
        }
        if (other.atNanos == Long.MAX_VALUE) {
            return this;
        }
        return other.atNanos - atNanos < 0 ? other : this; // nanoTime values compare by difference
    }

    public long remainingMillis() {
        if (atNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000L);
    }

    public boolean passed() {
        return remainingMillis() == 0;
    }

    /** "the run ceiling of 300000 ms". */
    public String describe() {
        return name;
    }
}
