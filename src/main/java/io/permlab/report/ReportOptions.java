package io.permlab.report;

import io.permlab.model.Lang;

import java.nio.file.Path;

/** Where reports go, which language the HTML report opens in, and whether PI is left unmasked (off by default). */
public record ReportOptions(Path outDir, Lang lang, boolean unmasked) {
}
