package io.permlab.device.lab;

import io.permlab.device.uiautomator.AndroidProfile;

import java.net.URL;

/**
 * A device lab profile (devices/lab.json, {@code "kind": "android-lab"}): the lab ({@code via} device-farm or grid, at
 * {@code url}) and what every run on one of its devices shares (dialog watch, extra capabilities, ceilings) as an
 * Android profile without a device, which {@link #forDevice} completes with the device the lab lends.
 */
public record LabProfile(String name, Via via, URL url, AndroidProfile template) {
    public enum Via {
        DEVICE_FARM("device-farm"), GRID("grid");

        private final String id;

        Via(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The lab this profile names. */
    public Lab lab() {
        return via == Via.GRID ? new GridLab(url) : new DeviceFarmLab(url);
    }

    /** The Android profile of one run on {@code device}: its serial, its Android version, sessions asked of the lab. */
    public AndroidProfile forDevice(LabDevice device) {
        AndroidProfile t = template;
        return new AndroidProfile(name + "/" + device.udid(), device.udid(), null,
                t.platformVersion() != null ? t.platformVersion() : null, url, t.proxy(), t.dialogWatchMillis(), t.capabilities(),
                t.ceilings());
    }
}
