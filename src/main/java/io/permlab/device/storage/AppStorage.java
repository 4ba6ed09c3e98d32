package io.permlab.device.storage;

import io.permlab.exercise.ObservedStorage;
import io.permlab.model.Localized;

import java.util.List;

/**
 * What was read of an app's private storage after a run. {@code access} is "run-as" (a debuggable app), "su" (a rooted
 * device) or "none"; with "none" {@code inspectable} is false and {@code note} says why, in both report languages around the device's own
 * words — "storage not inspectable: not debuggable (run-as: package not debuggable: com.example), not rooted (…)". Files that
 * could not be read are in {@code problems}; {@code filesRead} counts those whose values are in {@code entries}.
 */
public record AppStorage(String access, boolean inspectable, Localized note, List<ObservedStorage.Entry> entries, int filesRead,
                         int filesSkipped, List<String> problems) {
    public AppStorage {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public static AppStorage notInspectable(Localized note) {
        return new AppStorage("none", false, note, List.of(), 0, 0, List.of());
    }
}
