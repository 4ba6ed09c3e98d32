package io.permlab.rules.android;

import io.permlab.rules.Rule;

import java.util.List;

/** The rules over what an Android device itself reported during the runs (DeviceEvidence), in the order they run. */
public final class AndroidRules {
    private AndroidRules() {
    }

    public static List<Rule> all() {
        return List.of(new BackgroundLocationRule());
    }
}
