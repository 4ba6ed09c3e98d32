package io.permlab.device.android;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code dumpsys package PKG} says about one package at one moment. Fields the output did not print are null
 * (minSdk before Android 10, the requested list in a dump of all packages): absent, never assumed.
 *
 * @param sharedUser the shared uid's name when the package runs under one; its install and runtime permissions are
 *                   then those of the shared uid, read from the "Shared users:" section
 */
public record PackageState(String packageName, String versionName, Long versionCode, Integer minSdk, Integer targetSdk,
                           String sharedUser, List<String> requestedPermissions, List<String> declaredPermissions,
                           List<InstallPermission> installPermissions, Map<Integer, UserPermissions> users) {
    public PackageState {
        requestedPermissions = List.copyOf(requestedPermissions);
        declaredPermissions = List.copyOf(declaredPermissions);
        installPermissions = List.copyOf(installPermissions);
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    public Optional<UserPermissions> user(int userId) {
        return Optional.ofNullable(users.get(userId));
    }

    public Optional<RuntimePermission> runtime(int userId, String permission) {
        return user(userId).flatMap(u -> u.permission(permission));
    }

    public boolean refusedOnce(int userId, String permission) {
        return runtime(userId, permission).map(RuntimePermission::refusedOnce).orElse(false);
    }

    public boolean refusedForGood(int userId, String permission) {
        return runtime(userId, permission).map(RuntimePermission::refusedForGood).orElse(false);
    }

    /** Install permissions that hold for every user and are granted. */
    public List<String> grantedInstallPermissions() {
        return installPermissions.stream().filter(p -> p.userId() == null && p.granted()).map(InstallPermission::name).toList();
    }
}
