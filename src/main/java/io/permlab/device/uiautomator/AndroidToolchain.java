package io.permlab.device.uiautomator;

import io.permlab.device.adb.Adb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Android half of the toolchain stands on this machine, as scripts/setup.sh installs it: the UiAutomator2
 * driver registered in the project's APPIUM_HOME ({@code .appium/}, from node_modules), and an SDK folder the driver
 * accepts as ANDROID_HOME (Debian's adb and aapt lay one out under /usr/lib/android-sdk). Each check says the fix.
 */
public final class AndroidToolchain {
    public static final String DRIVER_PACKAGE = "appium-uiautomator2-driver";

    private AndroidToolchain() {
    }

    /** The version of the UiAutomator2 driver registered in {@code home/.appium}, if it is. */
    public static Optional<String> uiautomator2Driver(Path home) {
        Path manifest = home.resolve(".appium/node_modules").resolve(DRIVER_PACKAGE).resolve("package.json");
        Path registry = home.resolve(".appium/node_modules/.cache/appium/extensions.yaml");
        try {
            if (!Files.isRegularFile(manifest) || !Files.isRegularFile(registry) || !Files.readString(registry).contains("uiautomator2")) {
                return Optional.empty();
            }
            Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(manifest));
            return Optional.of(m.find() ? m.group(1) : "?");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String driverFix(Path home) {
        return "cd " + home + " && scripts/setup.sh (registers node_modules/" + DRIVER_PACKAGE + " in .appium/: APPIUM_HOME=.appium "
                + "npx --no-install appium driver install --source=local node_modules/" + DRIVER_PACKAGE + ")";
    }

    /** The SDK folder the driver will be given: ANDROID_HOME / ANDROID_SDK_ROOT, else Debian's when adb is there. */
    public static Optional<Path> androidHome(Map<String, String> env) {
        for (String var : new String[] {"ANDROID_HOME", "ANDROID_SDK_ROOT"}) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(Path.of(v));
            }
        }
        Path debian = Path.of(Adb.DEBIAN_SDK);
        return Files.isExecutable(debian.resolve("platform-tools/adb")) ? Optional.of(debian) : Optional.empty();
    }

    /** What is wrong with an SDK folder for the UiAutomator2 driver (it runs platform-tools/adb and build-tools/x/aapt2), or empty. */
    public static Optional<String> sdkProblem(Path sdk) {
        if (!Files.isExecutable(sdk.resolve("platform-tools/adb"))) {
            return Optional.of(sdk + " has no platform-tools/adb: sudo apt-get install -y adb, and ANDROID_HOME=" + Adb.DEBIAN_SDK);
        }
        try (var tools = Files.list(sdk.resolve("build-tools"))) {
            if (tools.noneMatch(t -> Files.isExecutable(t.resolve("aapt2")) || Files.isExecutable(t.resolve("aapt")))) {
                return Optional.of(sdk + "/build-tools has no aapt: sudo apt-get install -y aapt");
            }
        } catch (IOException e) {
            return Optional.of(sdk + " has no build-tools: sudo apt-get install -y aapt");
        }
        return Optional.empty();
    }
}
