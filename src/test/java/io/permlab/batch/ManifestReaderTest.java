package io.permlab.batch;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Manifests as regulators keep them: UTF-8 with a BOM or GBK from Excel, CRLF, quoted fields, Chinese headers, JSON. */
class ManifestReaderTest {
    @TempDir
    Path dir;
    private final ManifestReader reader = new ManifestReader(KnowledgeBase.builtIn());

    @BeforeEach
    void targets() throws Exception {
        Files.writeString(dir.resolve("a.apk"), "not read here");
        Files.createDirectories(dir.resolve("apps/b"));
        Files.writeString(dir.resolve("profile.json"), "{}");
    }

    @Test
    void chineseHeadersWithBomCrlfAndQuotedFieldsInAnyOrder() throws Exception {
        String csv = "\uFEFF目标,名称,运营者,版本,类别,备注\r\n"
                + "a.apk,鲜味外卖,\"鲜味餐饮, 有限公司\",1.2.0,餐饮外卖,\"多行\r\n备注\"\r\n"
                + "apps/b,乙,乙公司,2,,\r\n";
        Files.write(dir.resolve("m.csv"), csv.getBytes(StandardCharsets.UTF_8));
        Manifest m = reader.read(dir.resolve("m.csv"));
        assertThat(m.rejected()).isEmpty();
        assertThat(m.rows()).hasSize(2);
        ManifestRow first = m.rows().get(0);
        assertThat(first.name()).isEqualTo("鲜味外卖");
        assertThat(first.operator()).isEqualTo("鲜味餐饮, 有限公司");
        assertThat(first.version()).isEqualTo("1.2.0");
        assertThat(first.category()).isEqualTo(KnowledgeBase.builtIn().category("餐饮外卖").id());
        assertThat(first.targetPath()).isEqualTo(dir.resolve("a.apk").toAbsolutePath().normalize());
        assertThat(first.row()).isEqualTo(2);
        // the quoted note spans two lines: the next app is still spreadsheet row 3
        assertThat(m.rows().get(1).row()).isEqualTo(3);
        assertThat(m.rows().get(1).category()).isNull();
    }

    @Test
    void gbkAsChineseExcelSavesIt() throws Exception {
        Files.write(dir.resolve("m.csv"), "名称,目标\n鲜味外卖,a.apk\n".getBytes(Charset.forName("GBK")));
        Manifest m = reader.read(dir.resolve("m.csv"));
        assertThat(m.rows()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("鲜味外卖"));
    }

    @Test
    void mistakesAreReportedWithRowAndColumnAndTheOtherRowsRun() throws Exception {
        Files.writeString(dir.resolve("m.csv"), "name,version,category,target,device\n"
                + "ok,1,,a.apk,\n"
                + "missing,1,,,\n"
                + "nowhere,1,,gone.apk,\n"
                + "badcat,1,外卖星球,a.apk,\n"
                + "again,1,,./a.apk,\n"
                + "url,1,,https://h5.example/index.html,\n"
                + "nodevice,1,,apps/b,phone.json\n"
                + "otherversion,2,,a.apk,profile.json\n");
        Manifest m = reader.read(dir.resolve("m.csv"));
        assertThat(m.rows()).extracting(ManifestRow::name).containsExactly("ok", "otherversion");
        assertThat(m.rejected()).extracting(r -> r.problems().get(0).row() + " " + r.problems().get(0).column()).containsExactly(
                "3 target", "4 target", "5 category", "6 target", "7 target", "8 device");
        assertThat(m.rejected().get(1).problems().get(0).message()).contains("points nowhere").contains("gone.apk");
        assertThat(m.rejected().get(3).problems().get(0).message()).contains("duplicated row: row 2");
        assertThat(m.rejected().get(4).problems().get(0).message()).contains("is a URL");
        assertThat(m.rejected().get(0).problems().get(0).oneLine()).startsWith(dir.resolve("m.csv") + ": row 3, column 'target': missing");
    }

    @Test
    void jsonManifest() throws Exception {
        Files.writeString(dir.resolve("m.json"), "{\"apps\": [{\"名称\": \"甲\", \"target\": \"a.apk\", \"version\": 3},"
                + " {\"name\": \"乙\"}]}");
        Manifest m = reader.read(dir.resolve("m.json"));
        assertThat(m.rows()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("甲");
            assertThat(r.version()).isEqualTo("3");
        });
        assertThat(m.rejected()).singleElement().satisfies(r -> assertThat(r.problems().get(0).column()).isEqualTo("target"));
    }

    @Test
    void aManifestWithoutTargetColumnOrUnreadableIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("m.csv"), "name,tagret\nx,a.apk\n");
        assertThatThrownBy(() -> reader.read(dir.resolve("m.csv"))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("m.csv").hasMessageContaining("no 'target'");
        Files.writeString(dir.resolve("q.csv"), "name,target\n\"x,a.apk\n");
        assertThatThrownBy(() -> reader.read(dir.resolve("q.csv"))).isInstanceOf(ManifestException.class).hasMessageContaining("q.csv");
        assertThatThrownBy(() -> reader.read(dir.resolve("none.csv"))).isInstanceOf(ManifestException.class).hasMessageContaining("none.csv");
    }

    @Test
    void theSameBytesGiveTheSameDigestAndAnEditChangesIt() throws Exception {
        Files.writeString(dir.resolve("m.csv"), "name,target\nx,a.apk\n");
        String d1 = reader.read(dir.resolve("m.csv")).digest();
        assertThat(reader.read(dir.resolve("m.csv")).digest()).isEqualTo(d1);
        Files.writeString(dir.resolve("m.csv"), "name,target\ny,a.apk\n");
        assertThat(reader.read(dir.resolve("m.csv")).digest()).isNotEqualTo(d1);
    }
}
