package io.permlab.device.web;

import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.net.URL;
import java.nio.file.Path;

/**
 * Chromium on a Selenium Grid: the same options, driven through RemoteWebDriver, with DevTools reached through the
 * Grid's se:cdp endpoint. The browser profile folder is created here and used by the node, so the Grid's nodes must
 * share this machine's file system (a standalone Grid or a node on the same host).
 */
public final class GridSessionFactory implements SessionFactory {
    private final URL grid;
    private final DeviceProfile profile;
    private final WebEnvironment environment;
    private final KnowledgeBase knowledge;
    private final Path workDir;

    public GridSessionFactory(URL grid, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        this.grid = grid;
        this.profile = profile;
        this.environment = environment;
        this.knowledge = knowledge;
        this.workDir = workDir;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        Path userData = LocalChromeSessionFactory.newProfileDir(workDir);
        RemoteWebDriver driver;
        try {
            driver = new RemoteWebDriver(grid, BrowserOptions.chrome(profile, environment, userData));
        } catch (WebDriverException e) {
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.UNREACHABLE, "Selenium Grid at " + grid + " gave no session: "
                    + WebSession.firstLine(e.getMessage()) + " (is it running? 'permlab doctor' lists what is needed)", e);
        }
        try {
            WebDriver augmented = new Augmenter().augment(driver);
            DevTools devTools = ((HasDevTools) augmented).getDevTools();
            devTools.createSession();
            WebSession session = new WebSession(augmented, new CdpClient(devTools), describe(), userData, () -> { });
            session.start(policy, knowledge, profile);
            return session;
        } catch (RuntimeException e) {
            driver.quit();
            Dirs.deleteQuietly(userData);
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "DevTools through the Grid did not attach: "
                    + WebSession.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return "selenium grid " + grid;
    }
}
