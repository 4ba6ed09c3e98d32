package io.permlab.device.web;

import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every browser session factory does: a fresh profile folder, a driver from the subclass (local, Grid,
 * Appium), DevTools attached at the address the session reported, then the observers and the run's policy installed. A failure at
 * any point quits the browser and removes the profile.
 */
abstract class WebSessionFactory implements SessionFactory {
    final DeviceProfile profile;
    final WebEnvironment environment;
    private final KnowledgeBase knowledge;
    private final Path workDir;
    private final WarmBrowsers warm = new WarmBrowsers(this::newProfileDir, this::started);

    WebSessionFactory(DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        this.profile = profile;
        this.environment = environment;
        this.knowledge = knowledge;
        this.workDir = workDir;
        SeleniumLogging.quiet();
    }

    /** Starts the browser; a WebDriverException here means the endpoint gave no session. */
    abstract WebDriver startDriver(Path userDataDir) throws SessionException;

    /** DevTools commands through the driver's own connection (the one emulating the phone). */
    abstract DriverCdp driverCdp(WebDriver driver);

    /** Quits the browser; the Grid's factory also tells its ledger that the session is gone. */
    void quit(WebDriver driver, Path userDataDir) {
        driver.quit(); // also stops a local ChromeDriver service
    }

    /**
     * Whether runs share browsers kept running, each run in a fresh browser context ({@link WarmBrowsers}), instead of
     * a browser each: for local browsers, whose start is most of a short run's cost.
     */
    boolean keepsBrowsersWarm() {
        return false;
    }

    /** Local browsers kept warm are started now, side by side, rather than each when its run asks. */
    @Override
    public void expectSessionsAtOnce(int sessions) {
        if (keepsBrowsersWarm()) {
            warm.startAhead(sessions);
        }
    }

    @Override
    public final Session open(RunPolicy policy) throws SessionException {
        WebDriver driver;
        BrowserHold hold;
        String page = null;
        if (keepsBrowsersWarm()) {
            WarmBrowsers.Lease lease = warm.lease(policy.id());
            driver = lease.driver();
            hold = lease;
            page = lease.page();
        } else {
            Path userData = newProfileDir(policy.id());
            driver = started(userData);
            hold = new OwnBrowser(driver, userData, this::quit);
        }
        try {
            CdpClient cdp = CdpClient.connect(((HasCapabilities) driver).getCapabilities(), page);
            WebSession session = new WebSession(driver, cdp, driverCdp(driver), describe(), hold);
            session.start(policy, knowledge, profile);
            return session;
        } catch (RuntimeException e) {
            try {
                hold.release();
            } catch (RuntimeException ignored) {
                // the browser is already gone
            }
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "DevTools did not attach through " + describe() + ": "
                    + WebSession.firstLine(e.getMessage()), e);
        }
    }

    /** A browser started with the given profile folder; the folder is deleted when none starts. */
    private WebDriver started(Path userData) throws SessionException {
        try {
            return startDriver(userData);
        } catch (SessionException | RuntimeException e) {
            Dirs.deleteQuietly(userData);
            if (e instanceof WebDriverException w) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, describe() + " gave no browser session: "
                        + WebSession.firstLine(w.getMessage()) + " ('permlab doctor' lists what is needed)", w);
            }
            throw e;
        }
    }

    /** Quits the browsers kept warm. */
    @Override
    public void close() {
        warm.close();
    }

    /**
     * A fresh profile folder named after the run's policy (chromium-profile-deny-geolocation-…), so a browser in a
     * process list or a folder left in .work says which of an exploration's runs it served (a warm browser: the run
     * it was started for, or "ahead"; the run it serves now is in the folder's {@value WarmBrowsers#SERVING} file).
     */
    private Path newProfileDir(String startedFor) throws SessionException {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "chromium-profile-" + startedFor.replaceAll("[^A-Za-z0-9-]", "_") + "-");
        } catch (IOException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "cannot create a browser profile folder in " + workDir + ": " + e.getMessage(), e);
        }
    }
}
