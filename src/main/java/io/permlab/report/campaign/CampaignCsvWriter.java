package io.permlab.report.campaign;

import io.permlab.model.Severity;
import io.permlab.model.Stage;
import io.permlab.report.ReportFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * campaign.csv: one line per app with the columns of the workbook's first sheet. UTF-8 with a byte-order mark, CRLF,
 * so that Excel on a Chinese Windows opens it with the right characters.
 */
public final class CampaignCsvWriter {
    public static final String FILE = "campaign.csv";

    private CampaignCsvWriter() {
    }

    public static List<String> header() {
        List<String> h = new ArrayList<>(List.of("row", "name", "operator", "version", "category", "status", "findings"));
        for (Severity s : Severity.values()) {
            h.add(s.id());
        }
        for (Stage s : Stage.values()) {
            h.add(s.id());
        }
        h.addAll(List.of("errors", "clauses", "problems"));
        return h;
    }

    public static List<Object> line(AppSummary a) {
        CampaignEntry e = a.entry();
        List<Object> v = new ArrayList<>(List.of(e.row(), nz(e.name()), nz(e.operator()), nz(e.version()), a.category(),
                e.status().en(), a.findings()));
        for (Severity s : Severity.values()) {
            v.add(a.bySeverity().get(s));
        }
        for (Stage s : Stage.values()) {
            v.add(a.byStage().get(s));
        }
        v.add(a.errors());
        v.add(String.join("; ", a.clauses()));
        v.add(String.join("\n", a.problems().stream().map(p -> p.text() + "（" + p.ruleId() + "；证据：" + p.evidence() + "）").toList()));
        return v;
    }

    public static void write(CampaignSummary summary, Path outDir) throws IOException {
        ReportFiles.writeText(outDir.resolve(FILE), w -> {
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.EXCEL);
            printer.printRecord(header());
            for (AppSummary a : summary.apps()) {
                printer.printRecord(line(a));
            }
            printer.flush();
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
