package io.permlab.device.web;

import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default: Debian's Chromium through a local ChromeDriver. Browsers are kept running between a target's
 * runs, each run in a fresh browser context of one ({@link WarmBrowsers}).
 */
public final class LocalChromeSessionFactory extends WebSessionFactory {
    public LocalChromeSessionFactory(DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        super(profile, environment, knowledge, workDir);
    }

    @Override
    WebDriver startDriver(Path userDataDir) throws SessionException {
        if (!new File(profile.driverBinary()).canExecute()) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "ChromeDriver not found at " + profile.driverBinary()
                    + " (Debian: sudo apt-get install -y chromium chromium-driver; or run 'permlab doctor')");
        }
        // The browser's home is inside its profile folder: a run's download goes to a folder DevTools names
        // (WarmBrowsers), and Chromium first writes it to a temporary file in the platform's Downloads folder, which
        // must not be the user's.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(profile.driverBinary())).usingAnyFreePort().withSilent(true)
                .withEnvironment(Map.of("HOME", userDataDir.resolve("home").toString())).build();
        return new ChromeDriver(service, BrowserOptions.chrome(profile, environment, userDataDir));
    }

    @Override
    DriverCdp driverCdp(WebDriver driver) {
        return ((ChromeDriver) driver)::executeCdpCommand;
    }

    /** A browser of its own per session at once (a run in a fresh context of it). */
    @Override
    public boolean concurrentSessions() {
        return true;
    }

    @Override
    boolean keepsBrowsersWarm() {
        return true;
    }

    @Override
    public String describe() {
        return "local chromium (" + profile.name() + ")";
    }
}
