package io.permlab.it.dynamic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the checkout and this build live (surefire passes permlab.home and permlab.buildDir). */
final class Project {
    private Project() {
    }

    static Path home() {
        String home = System.getProperty("permlab.home");
        return (home == null || home.isBlank() ? Paths.get("") : Paths.get(home)).toAbsolutePath().normalize();
    }

    /** This build's output folder (-Dpermlab.buildDir), where cached tool classpaths go. */
    static Path buildDir() {
        String dir = System.getProperty("permlab.buildDir");
        return dir == null || dir.isBlank() ? home().resolve("target") : Paths.get(dir).toAbsolutePath();
    }

    static Path sample(String name) {
        Path p = home().resolve("apps").resolve(name);
        if (!Files.isRegularFile(p.resolve("target.json"))) {
            throw new AssertionError("sample target missing: " + p + " (is permlab.home the project folder?)");
        }
        return p;
    }

    /** The pinned Appium server and its registered Chromium driver, or an AssertionError saying how to install them. */
    static void requireAppium() {
        Path main = home().resolve("node_modules/appium/index.js");
        if (!Files.isRegularFile(main)) {
            throw new AssertionError("Appium is not installed: " + main + " is missing. Run scripts/setup.sh once "
                    + "(npm ci, then registers the Appium Chromium driver in .appium/).");
        }
        Path driver = home().resolve("node_modules/appium-chromium-driver/package.json");
        Path registry = home().resolve(".appium/node_modules/.cache/appium/extensions.yaml");
        if (!Files.isRegularFile(driver) || !registers(registry, "appium-chromium-driver")) {
            throw new AssertionError("the Appium Chromium driver is not registered (" + registry + " missing). "
                    + "Run scripts/setup.sh once.");
        }
    }

    private static boolean registers(Path registry, String pkg) {
        try {
            return Files.isRegularFile(registry) && Files.readString(registry).contains("pkgName: " + pkg);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
