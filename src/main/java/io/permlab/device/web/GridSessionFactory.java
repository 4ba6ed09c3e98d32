package io.permlab.device.web;

import io.permlab.knowledge.KnowledgeBase;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
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
        ledger.opening(grid, userDataDir);
        RemoteWebDriver remote;
        try {
            remote = new RemoteWebDriver(grid, BrowserOptions.chrome(profile, environment, userDataDir));
        } catch (RuntimeException e) {
            ledger.ended(userDataDir); // the Grid gave no session (one it created for a dropped request, it ends itself)
            throw e;
        }
        try {
            ledger.opened(userDataDir, remote.getSessionId().toString());
        } catch (RuntimeException e) {
            remote.quit(); // the journal cannot record it: not kept open
            throw e;
        }
        return new Augmenter().augment(remote);
    }

    @Override
    void quit(WebDriver driver, Path userDataDir) {
        driver.quit();
        ledger.ended(userDataDir);
    }

    /** The Augmenter gave the Grid's driver ChromeDriver's goog/cdp/execute command (AddHasCdp); the Grid relays it. */
    @Override
    DriverCdp driverCdp(WebDriver driver) {
        return ((HasCdp) driver)::executeCdpCommand;
    }

    /** Each session is a fresh browser on whichever node has a free slot; the Grid queues what it cannot place yet. */
    @Override
    public boolean concurrentSessions() {
        return true;
    }

    @Override
    public String describe() {
        return "selenium grid " + grid;
    }
}
