package io.permlab.device.android;

import java.util.Set;

/** One runtime permission of one Android user: granted or not, and the flags that say who decided and how firmly. */
public record RuntimePermission(String name, boolean granted, Set<String> flags) {
    public RuntimePermission {
        flags = Set.copyOf(flags);
    }

    public boolean has(PermissionFlag flag) {
        return flags.contains(flag.name());
    }

    /** The user answered the prompt and refused: the app may ask again (before Android 11, until "don't ask again"). */
    public boolean refusedOnce() {
        return has(PermissionFlag.USER_SET) && !granted;
    }

    /** Refused with "don't ask again" (or twice on Android 11+): the system answers every further request itself. */
    public boolean refusedForGood() {
        return has(PermissionFlag.USER_FIXED) && !granted;
    }

    /** Granted for this session only ("only this time"). */
    public boolean oneTime() {
        return has(PermissionFlag.ONE_TIME);
    }
}
