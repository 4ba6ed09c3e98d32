package io.permlab.report.sarif;

import io.permlab.model.Severity;

/** SARIF has three levels for results: a CI gate fails on "error", shows "warning" and mostly hides "note". */
final class SarifLevel {
    private SarifLevel() {
    }

    static String of(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
