package io.permlab.model;

import java.util.Locale;

/** How serious a finding is; ordered from least to most severe. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "' (expected one of info, low, medium, high, critical)");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
