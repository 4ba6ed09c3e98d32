package io.permlab.report.html;

import io.permlab.model.Localized;

import java.util.List;

/** The evidence summary of one APK, joined with what the knowledge base says about each item. */
public record EvidenceView(List<PermissionRow> permissions, List<SdkRow> sdks, List<ApiRow> apis,
                           List<EndpointRow> endpoints, int components, int exportedComponents,
                           int exportedWithoutPermission) {

    /** {@code runtime}: a dangerous permission the user is prompted for; {@code pi} empty when it reaches none. */
    public record PermissionRow(String name, String maxSdk, String protection, boolean runtime, boolean reachesPi,
                                Localized pi) {
    }

    public record SdkRow(String name, String vendor, String purpose, Localized collects, String prefix,
                         int classCount, String exampleClass) {
    }

    /** The first call sites of a sensitive API; {@code more} counts the call sites not listed. */
    public record ApiRow(Localized label, int count, List<String> callSites, int more) {
    }

    public record EndpointRow(String url, String where, int occurrences) {
    }
}
