package io.permlab.report.campaign;

import io.permlab.report.ReportFiles;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * campaign.xlsx, the workbook inspection offices exchange: "应用 Apps" (one row per app, the CSV's columns),
 * "条款 Clauses" (each clause violated: how many apps and which) and "问题 Problems" (per app, each "存在……问题"
 * with its evidence pointer).
 */
public final class CampaignXlsxWriter {
    public static final String FILE = "campaign.xlsx";
    public static final String APPS = "应用 Apps";
    public static final String CLAUSES = "条款 Clauses";
    public static final String PROBLEMS = "问题 Problems";

    private CampaignXlsxWriter() {
    }

    public static void write(CampaignSummary summary, Path outDir) throws IOException {
        ReportFiles.writeBytes(outDir.resolve(FILE), out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                CellStyle bold = wb.createCellStyle();
                Font font = wb.createFont();
                font.setBold(true);
                bold.setFont(font);
                Sheet apps = wb.createSheet(APPS);
                row(apps, 0, CampaignCsvWriter.header(), bold);
                int r = 1;
                for (AppSummary a : summary.apps()) {
                    row(apps, r++, CampaignCsvWriter.line(a), null);
                }
                apps.createFreezePane(0, 1);
                Sheet clauses = wb.createSheet(CLAUSES);
                row(clauses, 0, List.of("clause 条款", "apps 应用数", "which 应用"), bold);
                r = 1;
                for (Map.Entry<String, List<String>> c : summary.appsByClause().entrySet()) {
                    row(clauses, r++, List.of(c.getKey(), c.getValue().size(), String.join("; ", c.getValue())), null);
                }
                Sheet problems = wb.createSheet(PROBLEMS);
                row(problems, 0, List.of("row 行", "app 应用", "operator 运营者", "problem 问题", "rule 规则", "severity 严重程度", "evidence 证据"), bold);
                r = 1;
                for (AppSummary a : summary.apps()) {
                    for (AppSummary.Problem p : a.problems()) {
                        row(problems, r++, List.of(a.entry().row(), CampaignSummary.label(a.entry()),
                                a.entry().operator() == null ? "" : a.entry().operator(), p.text(), p.ruleId(), p.severity().id(), p.evidence()), null);
                    }
                }
                wb.write(out);
            }
        });
    }

    private static void row(Sheet sheet, int index, List<?> values, CellStyle style) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            var cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                // a cell holds at most 32,767 characters; a longer problem list is cut, the CSV has it whole
                String s = v == null ? "" : v.toString();
                cell.setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) + "…" : s);
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
