package io.permlab.it.dynamic;

import java.nio.file.Path;
import java.util.List;

/**
 * The same download, through an Appium server's Chromium driver that PermLab starts (as a child of the run, so with
 * the run's HOME): the download preference travels in Appium's capabilities, not ChromeDriver's options.
 */
class AppiumDownloadConfinementTest extends DownloadConfinementTest {
    @Override
    List<String> sessionArguments(Path runHome) {
        Project.requireAppium();
        return List.of("--appium", "http://127.0.0.1:" + Ports.free());
    }
}
