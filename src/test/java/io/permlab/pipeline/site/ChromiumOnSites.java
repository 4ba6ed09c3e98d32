package io.permlab.pipeline.site;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Debian's headless Chromium pointed at running sample sites, with a geolocation policy in force — what the flow
 * engine will do, written out by hand with Selenium. A spy counts every getCurrentPosition call and notes whether
 * the privacy dialog was still open and which accuracy was asked for.
 */
final class ChromiumOnSites implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(6);

    /** How the browser answers geolocation requests. */
    enum Location {
        PRECISE(31.230416, 121.473701, 10), APPROXIMATE(31.23, 121.47, 2000), REFUSED(0, 0, 0);

        final double latitude;
        final double longitude;
        final double accuracy;

        Location(double latitude, double longitude, double accuracy) {
            this.latitude = latitude;
            this.longitude = longitude;
            this.accuracy = accuracy;
        }
    }

    private static final String GEOLOCATION_SPY = """
            (() => {
              const calls = [];
              Object.defineProperty(window, '__geoCalls', { value: calls });
              const geolocation = navigator.geolocation;
              const original = geolocation.getCurrentPosition.bind(geolocation);
              geolocation.getCurrentPosition = (ok, fail, options) => {
                const privacy = document.getElementById('privacy');
                calls.push({ highAccuracy: !!(options && options.enableHighAccuracy),
                             beforeConsent: !!privacy && !privacy.hidden });
                return original(ok, fail, options);
              };
            })();""";

    final ChromeDriver driver;

    ChromiumOnSites(RunningSites sites, Path profile, Location location, boolean trustSampleKey) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=412,915", "--user-data-dir=" + profile);
        options.addArguments(sites.chromiumArguments().stream()
                .filter(a -> trustSampleKey || !a.startsWith("--ignore-certificate-errors-spki-list=")).toList());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", GEOLOCATION_SPY));
        if (location == Location.REFUSED) {
            cdp("Browser.setPermission", Map.of("permission", Map.of("name", "geolocation"), "setting", "denied"));
        } else {
            cdp("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
            cdp("Emulation.setGeolocationOverride", Map.of("latitude", location.latitude,
                    "longitude", location.longitude, "accuracy", location.accuracy));
        }
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    void tapCss(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    void tapText(String text) {
        withText(text).click();
    }

    void type(String css, String text) {
        driver.findElement(By.cssSelector(css)).sendKeys(text);
    }

    WebElement withText(String text) {
        return driver.findElement(By.xpath("//*[normalize-space(.)='" + text + "']"));
    }

    boolean showsText(String text) {
        return driver.findElements(By.xpath("//*[normalize-space(.)='" + text + "']")).stream().anyMatch(WebElement::isDisplayed);
    }

    void waitForText(String text) {
        waitUntil("'" + text + "' on screen", () -> showsText(text));
    }

    void waitForVisible(String css) {
        waitUntil(css + " visible", () -> driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed));
    }

    /** Waits for {@code condition}; on timeout the message says what was awaited and what the page showed instead. */
    void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> what + "; the page shows: " + driver.findElement(By.tagName("body")).getText())
                .until(d -> condition.getAsBoolean());
    }

    /** The spy's record of getCurrentPosition calls: highAccuracy and beforeConsent for each. */
    @SuppressWarnings("unchecked")
    List<Map<String, Boolean>> geolocationCalls() {
        return (List<Map<String, Boolean>>) script("return window.__geoCalls || [];");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> localStorage() {
        return (Map<String, String>) script("return Object.fromEntries(Object.entries(localStorage));");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> sessionStorage() {
        return (Map<String, String>) script("return Object.fromEntries(Object.entries(sessionStorage));");
    }

    /** Every IndexedDB database's every record, as JSON. */
    String indexedDbContents() {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const dump = {};
                  for (const { name } of await indexedDB.databases()) {
                    const db = await new Promise((ok) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); });
                    for (const store of db.objectStoreNames) {
                      dump[name + '/' + store] = await new Promise((ok) => {
                        const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
                    }
                    db.close();
                  }
                  return JSON.stringify(dump);
                })().then(done, (e) => done('error: ' + e));""");
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private void cdp(String command, Map<String, Object> parameters) {
        ((HasCdp) driver).executeCdpCommand(command, parameters);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
