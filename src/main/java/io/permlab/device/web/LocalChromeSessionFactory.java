package io.permlab.device.web;

import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

import java.io.File;
import java.nio.file.Path;

/** The embedded default: Debian's Chromium through a local ChromeDriver, one fresh browser profile per run. */
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(profile.driverBinary())).usingAnyFreePort().withSilent(true).build();
        return new ChromeDriver(service, BrowserOptions.chrome(profile, environment, userDataDir));
    }

    @Override
    DriverCdp driverCdp(WebDriver driver) {
        return ((ChromeDriver) driver)::executeCdpCommand;
    }

    /** A fresh browser with its own profile folder per session. */
    @Override
    public boolean concurrentSessions() {
        return true;
    }

    @Override
    public String describe() {
        return "local chromium (" + profile.name() + ")";
    }
}
