package io.permlab.it;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium showing a report at a given viewport width, and what the layout looks like there: the
 * elements that stick out of the screen, the page's width and height. {@code main} prints the figures for any report.
 */
final class ReportLayout implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Elements whose right edge is past the viewport. An element inside a box that scrolls sideways is clipped by
     * that box, which is itself checked: a wide table may scroll inside its own box, the page may not.
     * Hidden elements (the other language, closed details) have an empty box and do not count.
     */
    private static final String OVERFLOWING = """
            const clips = e => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX);
            return [...document.querySelectorAll('body *')].filter(e => {
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) return false;
              if (r.right <= innerWidth + 1) return false;
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (clips(a)) return false;
              }
              return true;
            }).slice(0, 15).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right) + ' "' + e.textContent.trim().slice(0, 40) + '"');""";

    private final ChromeDriver driver;

    ReportLayout() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--no-first-run", "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * Opens the report with a viewport {@code width} CSS pixels wide (a phone is 390). Not emulated as "mobile": then
     * Chromium widens the layout viewport to fit what overflows, and innerWidth would hide the overflow.
     */
    void open(Path report, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        driver.get(report.toUri().toString());
    }

    void openAllDetails() {
        driver.executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
    }

    @SuppressWarnings("unchecked")
    List<String> overflowing() {
        return (List<String>) driver.executeScript(OVERFLOWING);
    }

    long scrollWidth() {
        return number("return document.documentElement.scrollWidth;");
    }

    long innerWidth() {
        return number("return innerWidth;");
    }

    long height() {
        return number("return document.documentElement.scrollHeight;");
    }

    long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    Object script(String script) {
        return driver.executeScript(script);
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Prints the layout figures of a report: {@code ReportLayout path/to/index.html}. */
    public static void main(String[] args) {
        try (ReportLayout layout = new ReportLayout()) {
            for (int width : new int[] {390, 1280}) {
                layout.open(Path.of(args[0]).toAbsolutePath(), width);
                long tables = layout.number("return document.querySelectorAll('table').length;");
                long wideTables = layout.number("return [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > innerWidth + 1).length;");
                System.out.printf("width %d: page %d x %d px, %d of %d tables past the right edge, %d elements sticking out%n",
                        width, layout.scrollWidth(), layout.height(), wideTables, tables, layout.overflowing().size());
                layout.overflowing().forEach(e -> System.out.println("  " + e));
            }
        }
    }
}
