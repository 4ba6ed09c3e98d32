package io.permlab.device.android;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which runtime permissions of one user changed between two snapshots of the same package: taken just before and just
 * after a dialog was answered, it names the permission the dialog granted or refused whatever its text said.
 */
public final class PackageStateDiff {
    private PackageStateDiff() {
    }

    public static List<PermissionChange> between(PackageState before, PackageState after, int userId) {
        Map<String, RuntimePermission> was = before.user(userId).map(UserPermissions::runtime).orElse(Map.of());
        Map<String, RuntimePermission> is = after.user(userId).map(UserPermissions::runtime).orElse(Map.of());
        Set<String> names = new LinkedHashSet<>(was.keySet());
        names.addAll(is.keySet());
        List<PermissionChange> changes = new ArrayList<>();
        for (String name : names) {
            RuntimePermission old = was.get(name);
            RuntimePermission now = is.get(name);
            if (!Objects.equals(old, now)) {
                changes.add(new PermissionChange(name, old, now));
            }
        }
        return changes;
    }
}
