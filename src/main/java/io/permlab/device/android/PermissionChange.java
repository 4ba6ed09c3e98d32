package io.permlab.device.android;

import java.util.Set;
import java.util.TreeSet;

/**
 * How one runtime permission differs between two {@code dumpsys package} snapshots: the trace a permission dialog leaves
 * when it is answered. {@code before} is null for a permission that appeared, {@code after} for one that disappeared.
 */
public record PermissionChange(String permission, RuntimePermission before, RuntimePermission after) {
    public enum Kind { GRANTED, DENIED, DENIED_FOR_GOOD, REVOKED, FLAGS_ONLY, APPEARED, DISAPPEARED }

    public Kind kind() {
        if (before == null) {
            return Kind.APPEARED;
        }
        if (after == null) {
            return Kind.DISAPPEARED;
        }
        if (!before.granted() && after.granted()) {
            return Kind.GRANTED;
        }
        if (before.granted() && !after.granted()) {
            return Kind.REVOKED;
        }
        if (after.refusedForGood() && !before.refusedForGood()) {
            return Kind.DENIED_FOR_GOOD;
        }
        if (after.refusedOnce() && !before.refusedOnce()) {
            return Kind.DENIED;
        }
        return Kind.FLAGS_ONLY;
    }

    public Set<String> flagsAdded() {
        Set<String> added = new TreeSet<>(after == null ? Set.of() : after.flags());
        added.removeAll(before == null ? Set.of() : before.flags());
        return added;
    }

    public Set<String> flagsRemoved() {
        Set<String> removed = new TreeSet<>(before == null ? Set.of() : before.flags());
        removed.removeAll(after == null ? Set.of() : after.flags());
        return removed;
    }
}
