package io.permlab.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The add-address flow of apps/demo-delivery as a QA engineer would script it with plain Selenium: the same Chromium,
 * flags and mobile emulation, the same steps and waits, location granted with a precise position (two CDP commands
 * through ChromeDriver's HTTP endpoint, as any geolocation test must). No DevTools connection, no permission shim,
 * no traffic capture, no screenshots, no HAR.
 */
final class PlainSeleniumRun {
    private PlainSeleniumRun() {
    }

    static Phases run(BenchSample sample, Path workDir) throws Exception {
        return run(sample, workDir, 0);
    }

    /**
     * With {@code settleMillis} &gt; 0 the script pauses that long after each step that is not a wait, as PermLab's
     * FlowRunner does to let the requests an interaction triggers arrive: separates that fixed cost from the rest.
     */
    static Phases run(BenchSample sample, Path workDir, long settleMillis) throws Exception {
        Path userData = Files.createTempDirectory(workDir, "plain-profile-");
        long t0 = System.nanoTime();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(sample.profile.driverBinary())).usingAnyFreePort().withSilent(true).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(sample.profile.browserBinary());
        options.addArguments(sample.chromiumArgs(userData));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", sample.profile.width(),
                "height", sample.profile.height(), "pixelRatio", sample.profile.pixelRatio(), "touch", true),
                "userAgent", sample.profile.userAgent()));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", sample.profile.precise().latitude(),
                "longitude", sample.profile.precise().longitude(), "accuracy", sample.profile.precise().accuracy()));
        double start = Phases.millisSince(t0);
        long t1 = System.nanoTime();
        try {
            driver.get(sample.urls.apply("/index.html"));
            settle(settleMillis);
            click(driver, By.cssSelector("#agree"), 10_000);
            settle(settleMillis);
            click(driver, text("新增收货地址"), 10_000);
            settle(settleMillis);
            visible(driver, By.cssSelector("#address-form"), 3_000);
            type(driver, "#name", "张三");
            settle(settleMillis);
            type(driver, "#phone", "13812345678");
            settle(settleMillis);
            type(driver, "#address", "人民大道200号 3楼");
            settle(settleMillis);
            click(driver, By.cssSelector("#save"), 5_000);
            settle(settleMillis);
            visible(driver, text("地址已保存"), 5_000); // the checkpoint
        } catch (RuntimeException e) {
            driver.quit();
            throw new IllegalStateException("the plain script did not reach the checkpoint: " + e.getMessage(), e);
        }
        double flow = Phases.millisSince(t1);
        long t2 = System.nanoTime();
        driver.quit();
        service.stop();
        double close = Phases.millisSince(t2);
        deleteTree(userData);
        return new Phases(start, flow, 0, 0, close);
    }

    private static void settle(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** The same XPath PermLab uses for a text locator: the innermost element whose whole text is the given text. */
    private static By text(String t) {
        return By.xpath("//*[normalize-space(.)='" + t + "' and not(*[normalize-space(.)='" + t + "'])]");
    }

    private static void click(ChromeDriver d, By by, long timeoutMs) {
        new WebDriverWait(d, Duration.ofMillis(timeoutMs)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void visible(ChromeDriver d, By by, long timeoutMs) {
        new WebDriverWait(d, Duration.ofMillis(timeoutMs)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void type(ChromeDriver d, String css, String text) {
        WebElement e = new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        e.clear();
        e.sendKeys(text);
    }

    static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a leftover scratch folder under the benchmark's temp folder
        }
    }
}
