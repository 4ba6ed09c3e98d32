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

    public GridSessionFactory(URL grid, DeviceProfile profile, WebEnvironment environment, KnowledgeBase knowledge, Path workDir) {
        super(profile, environment, knowledge, workDir);
        this.grid = grid;
    }

    @Override
    WebDriver startDriver(Path userDataDir) {
        return new Augmenter().augment(new RemoteWebDriver(grid, BrowserOptions.chrome(profile, environment, userDataDir)));
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
