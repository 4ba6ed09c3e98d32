package io.permlab.report.campaign;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.LegalRef;
import io.permlab.model.Localized;
import io.permlab.model.ProcessingError;
import io.permlab.model.Severity;
import io.permlab.model.Stage;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook opened with POI and the CSV parsed back: the cells say what the findings say. */
class CampaignReportsTest {
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.builtIn();

    @TempDir
    Path out;

    private static Finding finding(String rule, String target, Severity sev, Stage stage, String title, String clause, String file, int line, String phone) {
        LegalRef ref = new LegalRef("cac-methods", new Localized("认定方法", "CAC Methods"), new Localized("认定方法", "CAC Methods"),
                new Localized(clause, clause));
        return new Finding(rule, target, sev, stage, new Localized(title, title), new Localized("号码 " + phone, "number " + phone),
                List.of(ref), List.of(EvidencePointer.at("manifest", file, line, 5, "uses-permission", phone)), "fp-" + rule);
    }

    private List<CampaignEntry> entries() {
        String cat = KNOWLEDGE.category("餐饮外卖").id();
        Target a = new Target("a-1.0", "甲", TargetKind.APK, Path.of("a.apk"), cat, List.of());
        TargetResult ra = new TargetResult(a, null, List.of(
                finding("APK-PERM-NOT-NECESSARY", "a-1.0", Severity.HIGH, Stage.COLLECTION, "收集非必要权限", "四.1", "AndroidManifest.xml", 12, "13812345678"),
                finding("APK-DEBUGGABLE", "a-1.0", Severity.MEDIUM, Stage.SECURITY, "可调试", "三.2", "AndroidManifest.xml", 3, "x")), List.of(), 10, List.of());
        Target b = new Target("b-2", "乙", TargetKind.MINIPROGRAM, Path.of("b"), null, List.of());
        TargetResult rb = new TargetResult(b, null, List.of(
                finding("MP-X", "b-2", Severity.HIGH, Stage.COLLECTION, "收集非必要权限", "四.1", "pages/a.js", 7, "y")),
                List.of(new ProcessingError("b-2", "pages/c.js", "inspect", "cannot parse")), 10, List.of());
        return List.of(
                new CampaignEntry(2, "甲", "甲公司, 北京", "1.0", cat, CampaignEntry.Status.DONE, ra),
                new CampaignEntry(3, "乙", "乙公司", "2", null, CampaignEntry.Status.FAILED, rb),
                new CampaignEntry(4, "丙", null, null, null, CampaignEntry.Status.PENDING, null));
    }

    @Test
    void workbookCells() throws Exception {
        assertThat(CampaignReports.writeAll(entries(), KNOWLEDGE, out, false)).isEmpty();
        try (InputStream in = Files.newInputStream(out.resolve(CampaignXlsxWriter.FILE)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet apps = wb.getSheet(CampaignXlsxWriter.APPS);
            assertThat(apps.getRow(0).getCell(1).getStringCellValue()).isEqualTo("name");
            assertThat(apps.getRow(1).getCell(1).getStringCellValue()).isEqualTo("甲");
            assertThat(apps.getRow(1).getCell(2).getStringCellValue()).isEqualTo("甲公司, 北京");
            assertThat(apps.getRow(1).getCell(4).getStringCellValue()).isEqualTo("餐饮外卖");
            assertThat(apps.getRow(1).getCell(5).getStringCellValue()).isEqualTo("done");
            assertThat(apps.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2.0);
            int high = CampaignCsvWriter.header().indexOf("high");
            int security = CampaignCsvWriter.header().indexOf("security");
            assertThat(apps.getRow(1).getCell(high).getNumericCellValue()).isEqualTo(1.0);
            assertThat(apps.getRow(1).getCell(security).getNumericCellValue()).isEqualTo(1.0);
            assertThat(apps.getRow(2).getCell(5).getStringCellValue()).isEqualTo("failed");
            assertThat(apps.getRow(2).getCell(CampaignCsvWriter.header().indexOf("errors")).getNumericCellValue()).isEqualTo(1.0);
            assertThat(apps.getRow(3).getCell(5).getStringCellValue()).isEqualTo("pending");
            assertThat(apps.getLastRowNum()).isEqualTo(3);

            Sheet clauses = wb.getSheet(CampaignXlsxWriter.CLAUSES);
            assertThat(clauses.getRow(1).getCell(0).getStringCellValue()).isEqualTo("认定方法 三.2");
            assertThat(clauses.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(clauses.getRow(2).getCell(0).getStringCellValue()).isEqualTo("认定方法 四.1");
            assertThat(clauses.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(clauses.getRow(2).getCell(2).getStringCellValue()).isEqualTo("甲 1.0; 乙 2");

            Sheet problems = wb.getSheet(CampaignXlsxWriter.PROBLEMS);
            assertThat(problems.getRow(1).getCell(3).getStringCellValue()).isEqualTo("存在收集非必要权限问题");
            assertThat(problems.getRow(1).getCell(6).getStringCellValue()).isEqualTo("manifest: AndroidManifest.xml:12:5 uses-permission");
            assertThat(problems.getRow(3).getCell(6).getStringCellValue()).isEqualTo("manifest: pages/a.js:7:5 uses-permission");
            assertThat(problems.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void csvParsesBackWithTheSameValues() throws Exception {
        CampaignReports.writeAll(entries(), KNOWLEDGE, out, false);
        byte[] bytes = Files.readAllBytes(out.resolve(CampaignCsvWriter.FILE));
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF"); // BOM for Excel
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        try (CSVParser p = CSVParser.parse(text, CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = p.getRecords();
            assertThat(p.getHeaderNames()).isEqualTo(CampaignCsvWriter.header());
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).get("operator")).isEqualTo("甲公司, 北京");
            assertThat(rows.get(0).get("findings")).isEqualTo("2");
            assertThat(rows.get(0).get("clauses")).isEqualTo("认定方法 三.2; 认定方法 四.1");
            assertThat(rows.get(0).get("problems")).contains("存在收集非必要权限问题（APK-PERM-NOT-NECESSARY；证据：manifest: AndroidManifest.xml:12:5")
                    .contains("\n存在可调试问题");
            assertThat(rows.get(2).get("status")).isEqualTo("pending");
        }
    }

    @Test
    void personalInformationIsMaskedUnlessAskedOtherwise() throws Exception {
        CampaignReports.writeAll(entries(), KNOWLEDGE, out, false);
        String page = Files.readString(out.resolve(CampaignHtmlWriter.FILE));
        assertThat(page).contains("存在收集非必要权限问题").contains("2 / 3");
        List<CampaignEntry> masked = CampaignReports.mask(entries());
        assertThat(masked.get(0).result().findings().get(0).message().zh()).doesNotContain("13812345678").contains("138****5678");
        assertThat(masked.get(0).result().findings().get(0).evidence().get(0).excerpt()).doesNotContain("13812345678");
    }
}
