package io.permlab.report.allure;

import io.permlab.model.Severity;

/** Allure's severity label has its own five words. */
final class AllureSeverity {
    private AllureSeverity() {
    }

    static String of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM -> "normal";
            case LOW -> "minor";
            case INFO -> "trivial";
        };
    }
}
