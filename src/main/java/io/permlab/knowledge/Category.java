package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;

/** One of the 39 app categories with its necessary PI and the device permissions that PI justifies. */
public record Category(String id, String zh, String en, boolean verified, Localized basicFunction,
                       List<String> necessaryPi, List<String> justifiedPermissions,
                       List<ConditionalPermission> conditionalPermissions, Localized note) {
    public Category {
        necessaryPi = necessaryPi == null ? List.of() : List.copyOf(necessaryPi);
        justifiedPermissions = justifiedPermissions == null ? List.of() : List.copyOf(justifiedPermissions);
        conditionalPermissions = conditionalPermissions == null ? List.of() : List.copyOf(conditionalPermissions);
    }

    public Localized label() {
        return new Localized(zh, en);
    }

    public boolean justifies(String permission) {
        return justifiedPermissions.contains(permission);
    }

    /** The condition under which the category justifies the permission, or null. */
    public ConditionalPermission condition(String permission) {
        return conditionalPermissions.stream().filter(c -> c.permission().equals(permission)).findFirst().orElse(null);
    }
}
