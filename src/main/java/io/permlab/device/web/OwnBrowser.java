package io.permlab.device.web;

import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/** A browser started for one session, with a fresh profile folder: quit and its folder deleted at the session's end. */
record OwnBrowser(WebDriver driver, Path profile, BiConsumer<WebDriver, Path> quit) implements BrowserHold {
    @Override
    public Path downloads() {
        return DownloadWatcher.folderIn(profile);
    }

    @Override
    public String contextId() {
        return null;
    }

    @Override
    public void release() {
        try {
            quit.accept(driver, profile); // also stops a local ChromeDriver service
        } finally {
            Dirs.deleteQuietly(profile);
        }
    }

    @Override
    public void kill() {
        BrowserProcesses.kill(profile);
        Dirs.deleteQuietly(profile);
    }
}
