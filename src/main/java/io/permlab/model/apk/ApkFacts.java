package io.permlab.model.apk;

import io.permlab.model.EvidenceSection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What static inspection learnt about an APK (or the base APK of a bundle). Facts only: no judgement, no knowledge
 * of categories or law; the rules do that. {@code securityFlaws}: weaknesses in the code (trust-all TLS, world-readable
 * files, constant keys...), found by {@code inspect.apk.security}.
 */
public record ApkFacts(
        String packageName, String versionName, String versionCode,
        Integer minSdk, Integer targetSdk, Integer compileSdk,
        List<DeclaredPermission> permissions, List<String> definedPermissions, List<UsedFeature> features,
        ApplicationFlags application, NetworkSecurityConfig networkSecurityConfig, List<AppComponent> components,
        List<SdkPresence> sdks, List<ApiUsage> apiUsages, List<HttpEndpoint> httpEndpoints,
        List<String> dexFiles, int classCount, List<String> bundleApks, List<SecurityFlaw> securityFlaws,
        List<DefinedPermission> permissionDefinitions) implements EvidenceSection {
    @Override
    public Optional<String> appIdentity() {
        return Optional.ofNullable(packageName);
    }

    @Override
    public Map<String, String> identityProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("package", String.valueOf(packageName));
        p.put("versionName", String.valueOf(versionName));
        return p;
    }


    public ApkFacts {
        permissions = List.copyOf(permissions);
        definedPermissions = List.copyOf(definedPermissions);
        features = List.copyOf(features);
        components = List.copyOf(components);
        sdks = List.copyOf(sdks);
        apiUsages = List.copyOf(apiUsages);
        httpEndpoints = List.copyOf(httpEndpoints);
        dexFiles = List.copyOf(dexFiles);
        bundleApks = List.copyOf(bundleApks);
        securityFlaws = securityFlaws == null ? List.of() : List.copyOf(securityFlaws);
        permissionDefinitions = permissionDefinitions == null ? List.of() : List.copyOf(permissionDefinitions);
    }

    /** Facts without the protection levels of the permissions the app defines (callers that predate them). */
    public ApkFacts(String packageName, String versionName, String versionCode, Integer minSdk, Integer targetSdk,
                    Integer compileSdk, List<DeclaredPermission> permissions, List<String> definedPermissions,
                    List<UsedFeature> features, ApplicationFlags application, NetworkSecurityConfig networkSecurityConfig,
                    List<AppComponent> components, List<SdkPresence> sdks, List<ApiUsage> apiUsages,
                    List<HttpEndpoint> httpEndpoints, List<String> dexFiles, int classCount, List<String> bundleApks,
                    List<SecurityFlaw> securityFlaws) {
        this(packageName, versionName, versionCode, minSdk, targetSdk, compileSdk, permissions, definedPermissions, features,
                application, networkSecurityConfig, components, sdks, apiUsages, httpEndpoints, dexFiles, classCount,
                bundleApks, securityFlaws, List.of());
    }

    /** The app's own definition of {@code permission}, null when the app does not define it (or its level was not read). */
    public DefinedPermission definition(String permission) {
        return permissionDefinitions.stream().filter(d -> d.name().equals(permission)).findFirst().orElse(null);
    }

    /** Facts without a security analysis of the code (callers that predate it). */
    public ApkFacts(String packageName, String versionName, String versionCode, Integer minSdk, Integer targetSdk,
                    Integer compileSdk, List<DeclaredPermission> permissions, List<String> definedPermissions,
                    List<UsedFeature> features, ApplicationFlags application, NetworkSecurityConfig networkSecurityConfig,
                    List<AppComponent> components, List<SdkPresence> sdks, List<ApiUsage> apiUsages,
                    List<HttpEndpoint> httpEndpoints, List<String> dexFiles, int classCount, List<String> bundleApks) {
        this(packageName, versionName, versionCode, minSdk, targetSdk, compileSdk, permissions, definedPermissions, features,
                application, networkSecurityConfig, components, sdks, apiUsages, httpEndpoints, dexFiles, classCount,
                bundleApks, List.of(), List.of());
    }

    public List<SecurityFlaw> securityFlaws(SecurityFlawKind kind) {
        return securityFlaws.stream().filter(f -> f.kind() == kind).toList();
    }

    /** targetSdk as the platform sees it: uses-sdk's targetSdkVersion, else minSdk, else 1. */
    public int effectiveTargetSdk() {
        if (targetSdk != null) {
            return targetSdk;
        }
        return minSdk != null ? minSdk : 1;
    }

    public boolean declares(String permission) {
        return permissions.stream().anyMatch(p -> p.name().equals(permission));
    }

    public DeclaredPermission declared(String permission) {
        return permissions.stream().filter(p -> p.name().equals(permission)).findFirst().orElse(null);
    }

    /**
     * Each requested permission once, in manifest order: a name declared twice (uses-permission and
     * uses-permission-sdk-23, say) is one request, and a rule judges it once.
     */
    public List<String> permissionNames() {
        return permissions.stream().map(DeclaredPermission::name).distinct().toList();
    }

    /**
     * The declaration of {@code permission} that requests it on a device running {@code apiLevel} (any of its
     * uses-permission / uses-permission-sdk-23 lines whose maxSdkVersion allows that level), null when none does.
     */
    public DeclaredPermission declaredOn(String permission, int apiLevel) {
        return permissions.stream().filter(p -> p.name().equals(permission) && p.appliesTo(apiLevel)).findFirst().orElse(null);
    }

    /** Whether every declaration of {@code permission} carries usesPermissionFlags="neverForLocation" (false when undeclared). */
    public boolean neverForLocation(String permission) {
        List<DeclaredPermission> lines = permissions.stream().filter(p -> p.name().equals(permission)).toList();
        return !lines.isEmpty() && lines.stream().allMatch(DeclaredPermission::neverForLocation);
    }

    /**
     * The highest API level on which {@code permission} is requested: Integer.MAX_VALUE when a declaration has no
     * maxSdkVersion, 0 when it is not declared. Requests only stop going up, so every level up to it requests it.
     */
    public int requestedUpTo(String permission) {
        return permissions.stream().filter(p -> p.name().equals(permission))
                .mapToInt(p -> p.maxSdkVersion() == null ? Integer.MAX_VALUE : p.maxSdkVersion()).max().orElse(0);
    }

    /** The lowest API level the app installs on: minSdkVersion, else 1. */
    public int lowestApiLevel() {
        return minSdk != null ? minSdk : 1;
    }

    public ApiUsage usage(String apiId) {
        return apiUsages.stream().filter(u -> u.apiId().equals(apiId)).findFirst().orElse(null);
    }
}
