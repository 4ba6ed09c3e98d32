package io.permlab.device.android;

import java.util.Set;

/**
 * A permission granted at install time (normal and signature permissions). {@code userId} is null for the line that
 * holds for every user and set only where a user differs, as AOSP prints it (", userId=10").
 */
public record InstallPermission(String name, boolean granted, Set<String> flags, Integer userId) {
    public InstallPermission {
        flags = Set.copyOf(flags);
    }
}
