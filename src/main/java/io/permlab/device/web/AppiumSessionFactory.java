package io.permlab.device.web;

import io.appium.java_client.chromium.ChromiumDriver;
import io.appium.java_client.chromium.options.ChromiumOptions;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.devtools.CdpInfo;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.SeleniumCdpConnection;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chromium through an Appium server's Chromium driver: the flow goes through Appium, DevTools straight to the
 * browser's debugger address that Appium reports (Appium 3.8 must not be asked for BiDi: TOOLCHAIN). The server's
 * life belongs to whoever ensured it (one per batch), not to this factory.
 */
public final class AppiumSessionFactory implements SessionFactory {
    private final AppiumServer server;
    private final DeviceProfile profile;
    private final WebEnvironment environment;
    private final KnowledgeBase knowledge;
    private final Path workDir;

    public AppiumSessionFactory(AppiumServer server, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        this.server = server;
        this.profile = profile;
        this.environment = environment;
        this.knowledge = knowledge;
        this.workDir = workDir;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        Path userData = LocalChromeSessionFactory.newProfileDir(workDir);
        ChromiumOptions options = new ChromiumOptions()
                .setExecutable(profile.driverBinary())
                .setAutodownloadEnabled(false);
        options.setPlatformName("linux");
        options.setCapability("browserName", "chrome");
        options.setCapability("goog:chromeOptions", Map.of("binary", profile.browserBinary(),
                "args", BrowserOptions.args(profile, environment, userData), "mobileEmulation", BrowserOptions.mobileEmulation(profile)));
        ChromiumDriver driver;
        try {
            driver = new ChromiumDriver(server.url(), options);
        } catch (WebDriverException e) {
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.UNREACHABLE, "Appium at " + server.url() + " gave no Chromium session: "
                    + WebSession.firstLine(e.getMessage()), e);
        }
        try {
            Connection connection = SeleniumCdpConnection.create(driver.getCapabilities())
                    .orElseThrow(() -> new IllegalStateException("Appium reported no debugger address for the browser"));
            CdpInfo cdp = new CdpVersionFinder().match(driver.getCapabilities().getBrowserVersion())
                    .orElseThrow(() -> new IllegalStateException("no DevTools support for Chromium " + driver.getCapabilities().getBrowserVersion()));
            DevTools devTools = new DevTools(cdp::getDomains, connection);
            devTools.createSession();
            WebSession session = new WebSession(driver, new CdpClient(devTools), describe(), userData, () -> { });
            session.start(policy, knowledge, profile);
            return session;
        } catch (RuntimeException e) {
            driver.quit();
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "DevTools through Appium did not attach: " + WebSession.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return "appium " + server.url() + " (chromium driver)";
    }
}
