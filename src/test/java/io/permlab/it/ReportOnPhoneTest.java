package io.permlab.it;

import io.permlab.cli.PermLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled samples' reports in real headless Chromium, on a phone (390 px) and a desktop (1280 px): nothing is
 * wider than the screen, with evidence collapsed as it opens and with every piece of evidence opened; the header
 * spans the page; screenshots are thumbnails that link to the full-size file.
 */
class ReportOnPhoneTest {
    @TempDir
    static Path dir;
    private static Path staticReport;
    private static Path runReport;
    private static ReportLayout layout;

    @BeforeAll
    static void writeTheSampleReports() {
        assertThat(ReportLayout.CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        Path home = ThirdPartyApks.home();
        staticReport = report("scan", dir.resolve("static"), home.resolve("apps/demo-delivery-android"),
                home.resolve("apps/demo-delivery-android-compliant"), home.resolve("apps/demo-delivery-miniprogram"),
                home.resolve("apps/demo-delivery-miniprogram-compliant"));
        runReport = report("run", dir.resolve("run"), home.resolve("apps/demo-delivery"));
        layout = new ReportLayout();
    }

    private static Path report(String command, Path out, Path... targets) {
        StringWriter err = new StringWriter();
        String[] args = new String[targets.length + 4];
        args[0] = command;
        for (int i = 0; i < targets.length; i++) {
            args[i + 1] = targets[i].toString();
        }
        args[targets.length + 1] = "--out";
        args[targets.length + 2] = out.toString();
        args[targets.length + 3] = "--no-progress";
        PermLab.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
        assertThat(out.resolve("index.html")).as(err.toString()).isNotEmptyFile();
        return out.resolve("index.html");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (layout != null) {
            layout.close();
        }
    }

    @ParameterizedTest(name = "{0} report at {1} px")
    @CsvSource({"static, 390", "static, 1280", "run, 390", "run, 1280"})
    void nothingIsWiderThanTheScreen(String which, int width) {
        layout.open(which.equals("run") ? runReport : staticReport, width);
        assertThat(layout.innerWidth()).isEqualTo(width);
        assertThat(layout.overflowing()).as("as it opens").isEmpty();
        assertThat(layout.scrollWidth()).isLessThanOrEqualTo(width);
        long collapsedHeight = layout.height();

        layout.openAllDetails();
        assertThat(layout.overflowing()).as("with every piece of evidence opened").isEmpty();
        assertThat(layout.scrollWidth()).isLessThanOrEqualTo(width);
        System.out.printf("%s report at %d px: %d px tall collapsed, %d px with all evidence open%n", which, width,
                collapsedHeight, layout.height());
    }

    @Test
    void evidenceStartsCollapsed() {
        layout.open(staticReport, 390);
        assertThat(layout.number("return document.querySelectorAll('details.evidence').length;")).isPositive();
        assertThat(layout.number("return document.querySelectorAll('details[open]').length;")).isZero();
    }

    @Test
    void theHeaderSpansThePageOnADesktop() {
        layout.open(staticReport, 1280);
        long header = layout.number("return Math.round(document.querySelector('body > header').getBoundingClientRect().width);");
        long main = layout.number("return Math.round(document.querySelector('main').getBoundingClientRect().width);");
        assertThat(header).isEqualTo(main);
    }

    @Test
    @SuppressWarnings("unchecked")
    void screenshotsAreThumbnailsThatOpenTheFullSizeFile() {
        layout.open(runReport, 390);
        List<Object> shots = (List<Object>) layout.script("""
                return [...document.querySelectorAll('figure.run img')].map(i => [
                  i.closest('a') ? i.closest('a').getAttribute('href') : null,
                  Math.round(i.getBoundingClientRect().height), i.naturalHeight]);""");
        assertThat(shots).isNotEmpty();
        for (Object o : shots) {
            List<Object> shot = (List<Object>) o;
            assertThat(shot.get(0)).as("link to the full-size file").isNotNull();
            assertThat(runReport.getParent().resolve((String) shot.get(0))).isRegularFile();
            assertThat(((Number) shot.get(1)).longValue()).as("shown height").isLessThanOrEqualTo(14 * 16)
                    .isLessThan(((Number) shot.get(2)).longValue());
        }
    }
}
