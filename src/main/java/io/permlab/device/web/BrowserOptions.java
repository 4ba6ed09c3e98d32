package io.permlab.device.web;

import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chromium's options for a run: headless, quiet on this closed network, the device's screen, a fresh profile, downloads
 * kept in that profile, and the page's own dialogs left open for the flow to answer.
 */
final class BrowserOptions {
    /**
     * WebDriver's unhandledPromptBehavior: "ignore" leaves an alert, confirm or prompt open, so that a flow's dialog step
     * answers it and a dialog no step answers is named ("dismiss and notify", the default, closes it unseen and fails
     * the next command). The same for a local ChromeDriver, a Grid node and Appium's Chromium driver (a standard capability
     * it passes on).
     */
    static final String UNHANDLED_PROMPT_BEHAVIOR = "unhandledPromptBehavior";
    static final String LEAVE_DIALOGS_OPEN = "ignore";

    private BrowserOptions() {
    }

    static List<String> args(DeviceProfile profile, WebEnvironment env, Path userDataDir) {
        List<String> args = new ArrayList<>();
        if (profile.headless()) {
            args.add("--headless=new");
        }
        args.addAll(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                "--use-fake-device-for-media-stream",
                // All frames in one renderer, so the permission observer injected into the page reaches cross-origin iframes.
                // AsyncDns off: Chromium's own DNS client stalled the first navigation of a new profile for 5 s when two
                // browsers started at once (docs/architecture.md, "Runs at once"); the system resolver answers at once.
                "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process,AsyncDns",
                "--lang=" + profile.locale(),
                "--window-size=" + profile.width() + "," + profile.height(),
                "--user-data-dir=" + userDataDir));
        if (env.hostResolverRules() != null) {
            args.add("--host-resolver-rules=" + env.hostResolverRules());
        }
        if (env.trustedSpki() != null) {
            // Trust exactly the key of PermLab's own sample server, never certificate errors in general.
            args.add("--ignore-certificate-errors-spki-list=" + env.trustedSpki());
        }
        if (!env.secureHttpOrigins().isEmpty()) {
            args.add("--unsafely-treat-insecure-origin-as-secure=" + String.join(",", env.secureHttpOrigins()));
        }
        args.addAll(profile.args());
        return args;
    }

    static ChromeOptions chrome(DeviceProfile profile, WebEnvironment env, Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(profile.browserBinary());
        options.addArguments(args(profile, env, userDataDir));
        options.setExperimentalOption("mobileEmulation", mobileEmulation(profile));
        options.setExperimentalOption("prefs", prefs(userDataDir));
        options.setCapability(UNHANDLED_PROMPT_BEHAVIOR, LEAVE_DIALOGS_OPEN);
        return options;
    }

    /**
     * Downloads go to the session's own folder without asking: the fallback for a browser that refuses DevTools'
     * download behaviour ({@link DownloadWatcher}); without it Chromium saves into the user's Downloads folder.
     */
    static Map<String, Object> prefs(Path userDataDir) {
        return Map.of("download.default_directory", DownloadWatcher.folderIn(userDataDir).toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true);
    }

    static Map<String, Object> mobileEmulation(DeviceProfile profile) {
        return Map.of("deviceMetrics", Map.of("width", profile.width(), "height", profile.height(),
                "pixelRatio", profile.pixelRatio(), "touch", true), "userAgent", profile.userAgent());
    }
}
