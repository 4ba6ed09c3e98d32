package io.permlab.device.android;

import java.util.Optional;

/**
 * Runtime-permission flags as {@code dumpsys package} prints them (AOSP PackageManager.permissionFlagToString). Flags
 * a vendor adds keep their raw name in {@link RuntimePermission#flags()}; this enum only names the ones we reason on.
 */
public enum PermissionFlag {
    USER_SET, USER_FIXED, POLICY_FIXED, REVOKE_ON_UPGRADE, REVOKED_COMPAT, SYSTEM_FIXED, GRANTED_BY_DEFAULT,
    REVIEW_REQUIRED, REVOKE_WHEN_REQUESTED, USER_SENSITIVE_WHEN_GRANTED, USER_SENSITIVE_WHEN_DENIED,
    RESTRICTION_INSTALLER_EXEMPT, RESTRICTION_SYSTEM_EXEMPT, RESTRICTION_UPGRADE_EXEMPT, APPLY_RESTRICTION,
    GRANTED_BY_ROLE, ONE_TIME, AUTO_REVOKED, AUTO_REVOKE_IF_UNUSED, AUTO_REVOKE_USER_SET, SELECTED_LOCATION_ACCURACY;

    public static Optional<PermissionFlag> named(String name) {
        for (PermissionFlag flag : values()) {
            if (flag.name().equals(name)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
