package io.permlab.rules.android;

import io.permlab.rules.Rule;

import java.util.List;

/** The rules over what could not be seen of an app on a device, in the order they run. */
public final class DeviceCaptureRules {
    private DeviceCaptureRules() {
    }

    public static List<Rule> all() {
        return List.of(new TrafficNotVisibleRule(), new StorageNotInspectableRule());
    }
}
