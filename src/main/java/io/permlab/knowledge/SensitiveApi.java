package io.permlab.knowledge;

import io.permlab.model.Localized;

import java.util.List;

/**
 * A platform API that reaches personal information (sensitive-apis.json). Methods and fields are dex descriptors
 * without signature ("Landroid/telephony/TelephonyManager;->getDeviceId"); strings are constants that give the API away.
 * {@code privilegedFromApi}: from this API level only privileged system apps get the value (null: no such limit).
 */
public record SensitiveApi(String id, String zh, String en, List<String> pi, List<String> requiresAnyOf,
                           List<String> relatedPermissions, List<String> methods, List<String> fields, List<String> strings,
                           Integer privilegedFromApi) {
    public SensitiveApi {
        pi = orEmpty(pi);
        requiresAnyOf = orEmpty(requiresAnyOf);
        relatedPermissions = orEmpty(relatedPermissions);
        methods = orEmpty(methods);
        fields = orEmpty(fields);
        strings = orEmpty(strings);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    public Localized label() {
        return new Localized(zh, en);
    }

    /** Whether using this API is evidence that {@code permission} is needed. */
    public boolean uses(String permission) {
        return requiresAnyOf.contains(permission) || relatedPermissions.contains(permission);
    }
}
