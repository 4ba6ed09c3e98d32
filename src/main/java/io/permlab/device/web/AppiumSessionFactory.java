package io.permlab.device.web;

import io.appium.java_client.chromium.ChromiumDriver;
import io.appium.java_client.chromium.options.ChromiumOptions;
import io.permlab.knowledge.KnowledgeBase;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.http.HttpMethod;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chromium through an Appium server's Chromium driver: the flow goes through Appium, DevTools straight to the
 * browser's debugger address that Appium reports (Appium 3.8 must not be asked for BiDi: TOOLCHAIN). The server's
 * life belongs to whoever ensured it (one per batch), not to this factory. The driver starts each session's ChromeDriver
 * on port 9515 (first killing whatever ChromeDriver holds it) unless the session names another: on a server on this
 * machine each session names a port free here ({@code appium:chromedriverPort}), so the runs of an exploration can run
 * side by side; through a remote server, whose free ports PermLab cannot know, they follow one another.
 */
public final class AppiumSessionFactory extends WebSessionFactory {
    private final AppiumServer server;

    public AppiumSessionFactory(AppiumServer server, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        super(profile, environment, knowledge, workDir);
        this.server = server;
    }

    @Override
    WebDriver startDriver(Path userDataDir) {
        ChromiumOptions options = new ChromiumOptions().setExecutable(profile.driverBinary()).setAutodownloadEnabled(false);
        options.setPlatformName("linux");
        options.setCapability("browserName", "chrome");
        options.setCapability(BrowserOptions.UNHANDLED_PROMPT_BEHAVIOR, BrowserOptions.LEAVE_DIALOGS_OPEN);
        if (server.onThisMachine()) {
            options.setCapability("appium:chromedriverPort", LocalPorts.free());
        }
        options.setCapability("goog:chromeOptions", Map.of("binary", profile.browserBinary(),
                "args", BrowserOptions.args(profile, environment, userDataDir), "mobileEmulation", BrowserOptions.mobileEmulation(profile),
                "prefs", BrowserOptions.prefs(userDataDir)));
        return new ChromiumDriver(server.url(), options);
    }

    /** ChromeDriver's goog/cdp/execute, which Appium's Chromium driver relays to the session's ChromeDriver. */
    private static final String EXECUTE_CDP = "executeCdpCommand";

    @Override
    DriverCdp driverCdp(WebDriver driver) {
        ChromiumDriver chromium = (ChromiumDriver) driver;
        chromium.addCommand(HttpMethod.POST, "/session/:sessionId/goog/cdp/execute", EXECUTE_CDP);
        return (method, params) -> {
            Object value = chromium.execute(EXECUTE_CDP, Map.of("cmd", method, "params", params)).getValue();
            return CdpClient.map(value);
        };
    }

    @Override
    public boolean concurrentSessions() {
        return server.onThisMachine();
    }

    @Override
    public String describe() {
        return "appium " + server.url() + " (chromium driver)";
    }
}
