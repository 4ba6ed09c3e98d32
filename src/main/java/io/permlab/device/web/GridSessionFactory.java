package io.permlab.device.web;

import io.permlab.knowledge.KnowledgeBase;
import org.openqa.selenium.WebDriver;
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
public final class GridSessionFactory extends WebSessionFactory {
    private final URL grid;
    private final GridSessionLedger ledger;

    public GridSessionFactory(URL grid, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        this(grid, profile, environment, knowledge, workDir, GridSessionLedger.NONE);
    }

    /** Sessions are told to {@code ledger} as they are opened and quit (the batch journals them, to end a killed run's). */
    public GridSessionFactory(URL grid, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir,
                              GridSessionLedger ledger) {
        super(profile, environment, knowledge, workDir);
        this.grid = grid;
        this.ledger = ledger;
    }

    @Override
    WebDriver startDriver(Path userDataDir) {
        RemoteWebDriver remote = new RemoteWebDriver(grid, BrowserOptions.chrome(profile, environment, userDataDir));
        try {
            ledger.opened(grid, remote.getSessionId().toString());
        } catch (RuntimeException e) {
            remote.quit(); // a session nobody recorded would outlive a kill: not kept
            throw e;
        }
        return new Augmenter().augment(remote);
    }

    @Override
    void quit(WebDriver driver) {
        String id = ((RemoteWebDriver) driver).getSessionId().toString();
        driver.quit();
        ledger.ended(id);
    }

    @Override
    DevTools devTools(WebDriver driver) {
        return ((HasDevTools) driver).getDevTools();
    }

    @Override
    public String describe() {
        return "selenium grid " + grid;
    }
}
