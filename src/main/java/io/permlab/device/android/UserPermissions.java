package io.permlab.device.android;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The package as one Android user sees it: installed or not, and its runtime permissions in the order printed. */
public record UserPermissions(int userId, Boolean installed, Map<String, RuntimePermission> runtime) {
    public UserPermissions {
        runtime = Collections.unmodifiableMap(new LinkedHashMap<>(runtime));
    }

    public Optional<RuntimePermission> permission(String name) {
        return Optional.ofNullable(runtime.get(name));
    }
}
