package io.permlab.report;

import io.permlab.model.Lang;
import io.permlab.report.baseline.Baseline;

import java.nio.file.Path;

/**
 * Where reports go, which language the HTML report opens in, whether PI is left unmasked (off by default), and the
 * baseline findings are compared with (--baseline; null without one).
 */
public record ReportOptions(Path outDir, Lang lang, boolean unmasked, Baseline baseline) {
    public ReportOptions(Path outDir, Lang lang, boolean unmasked) {
        this(outDir, lang, unmasked, null);
    }
}
