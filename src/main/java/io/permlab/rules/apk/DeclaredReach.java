package io.permlab.rules.apk;

import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.apk.ApkFacts;

/**
 * What a permission reaches as this app declares it. A scan permission no longer reaches location when every
 * declaration carries usesPermissionFlags="neverForLocation" (API 31: the app asserts it derives none, and Android
 * filters location beacons from its Bluetooth scans; developer.android.com, Bluetooth permissions), or when an app
 * targeting the permission's API level or later does not also request its {@code locationNeeds} there: Android then
 * gives its scans no result that could place the device (AOSP RequiresBluetoothLocationPermission).
 */
public final class DeclaredReach {
    private DeclaredReach() {
    }

    public static PermissionInfo of(PermissionInfo info, ApkFacts apk) {
        String partner = info.locationNeeds();
        boolean withoutPartner = partner != null && apk.effectiveTargetSdk() >= info.addedApi()
                && apk.requestedUpTo(partner) < info.addedApi();
        return apk.neverForLocation(info.name()) || withoutPartner ? info.withoutLocation() : info;
    }
}
