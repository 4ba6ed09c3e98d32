package io.permlab.inspect.apk;

import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.ApplicationFlags;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.DefinedPermission;
import io.permlab.model.apk.UsedFeature;

import java.util.List;

/** What AndroidManifest.xml says, before the network security config and the code are read. */
record ManifestFacts(String packageName, String versionName, String versionCode, Integer minSdk, Integer targetSdk,
                     Integer compileSdk, List<DeclaredPermission> permissions, List<String> definedPermissions,
                     List<UsedFeature> features, ApplicationFlags application, List<AppComponent> components,
                     List<DefinedPermission> permissionDefinitions) {
}
