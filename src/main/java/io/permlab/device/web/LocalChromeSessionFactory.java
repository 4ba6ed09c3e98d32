package io.permlab.device.web;

import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.devtools.DevTools;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded default: Debian's Chromium through a local ChromeDriver, one fresh browser profile per run. */
public final class LocalChromeSessionFactory implements SessionFactory {
    private final DeviceProfile profile;
    private final WebEnvironment environment;
    private final KnowledgeBase knowledge;
    private final Path workDir;

    public LocalChromeSessionFactory(DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        this.profile = profile;
        this.environment = environment;
        this.knowledge = knowledge;
        this.workDir = workDir;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        if (!new File(profile.driverBinary()).canExecute()) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "ChromeDriver not found at " + profile.driverBinary()
                    + " (Debian: sudo apt-get install -y chromium chromium-driver; or run 'permlab doctor')");
        }
        Path userData = newProfileDir(workDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(profile.driverBinary())).usingAnyFreePort().withSilent(true).build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, BrowserOptions.chrome(profile, environment, userData));
        } catch (WebDriverException e) {
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.UNREACHABLE, "Chromium did not start: " + WebSession.firstLine(e.getMessage()), e);
        }
        try {
            DevTools devTools = driver.getDevTools();
            devTools.createSession();
            WebSession session = new WebSession(driver, new CdpClient(devTools), describe(), userData, service::stop);
            session.start(policy, knowledge, profile);
            return session;
        } catch (RuntimeException e) {
            driver.quit();
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "DevTools did not attach: " + WebSession.firstLine(e.getMessage()), e);
        }
    }

    static Path newProfileDir(Path workDir) throws SessionException {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "chromium-profile-");
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot create a browser profile folder in " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "local chromium (" + profile.name() + ")";
    }
}
