package io.permlab.cli;

import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.device.uiautomator.AndroidToolchain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Android lines of 'permlab doctor' and 'permlab devices': the SDK folder the UiAutomator2 driver needs, the driver
 * registered in .appium/, an Appium server answering, and each attached device with what to do when it cannot be used.
 */
final class AndroidChecks {
    static final String LOCAL_APPIUM = "http://127.0.0.1:4723";

    private AndroidChecks() {
    }

    static List<EnvironmentCheck.Result> toolchain(Path home, Map<String, String> env) {
        List<EnvironmentCheck.Result> out = new ArrayList<>();
        Optional<Path> sdk = AndroidToolchain.androidHome(env);
        boolean exported = env.containsKey("ANDROID_HOME") || env.containsKey("ANDROID_SDK_ROOT");
        if (sdk.isEmpty()) {
            out.add(new EnvironmentCheck.Result("ANDROID_HOME", EnvironmentCheck.Status.WARN, "not set, and no SDK folder at " + Adb.DEBIAN_SDK,
                    "sudo apt-get install -y adb aapt (lays out " + Adb.DEBIAN_SDK + "), then export ANDROID_HOME=" + Adb.DEBIAN_SDK, false));
        } else {
            Optional<String> problem = AndroidToolchain.sdkProblem(sdk.get());
            String where = sdk.get() + (exported ? "" : " (not exported; PermLab gives it to the Appium server it starts)");
            out.add(problem.isEmpty() ? new EnvironmentCheck.Result("ANDROID_HOME", EnvironmentCheck.Status.OK, where, null, false)
                    : new EnvironmentCheck.Result("ANDROID_HOME", EnvironmentCheck.Status.WARN, problem.get(),
                    "sudo apt-get install -y adb aapt && export ANDROID_HOME=" + Adb.DEBIAN_SDK, false));
        }
        Optional<String> driver = AndroidToolchain.uiautomator2Driver(home);
        out.add(driver.map(v -> new EnvironmentCheck.Result("appium uiautomator2", EnvironmentCheck.Status.OK,
                        "uiautomator2@" + v + " registered in " + home.resolve(".appium"), null, false))
                .orElseGet(() -> new EnvironmentCheck.Result("appium uiautomator2", EnvironmentCheck.Status.WARN,
                        "the UiAutomator2 driver is not registered in " + home.resolve(".appium"), AndroidToolchain.driverFix(home), false)));
        out.add(server(LOCAL_APPIUM));
        return out;
    }

    static EnvironmentCheck.Result server(String url) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/status")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"ready\"")) {
                return new EnvironmentCheck.Result("appium server", EnvironmentCheck.Status.OK, url + " answers /status", null, false);
            }
            return new EnvironmentCheck.Result("appium server", EnvironmentCheck.Status.WARN, url + " answers, but not as Appium (HTTP "
                    + r.statusCode() + ")", "free port 4723, or give the server's URL as \"appium\" in the device profile", false);
        } catch (IOException e) {
            return new EnvironmentCheck.Result("appium server", EnvironmentCheck.Status.OK, "none at " + url
                    + " (fine: 'permlab run' starts the pinned one when a profile says \"appium\": \"local\")", null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EnvironmentCheck.Result("appium server", EnvironmentCheck.Status.WARN, "interrupted", null, false);
        }
    }

    /** One line per attached device (adb devices -l), or one saying there is none and how to attach one. */
    static List<EnvironmentCheck.Result> devices(Adb adb) {
        List<AttachedDevice> attached;
        try {
            attached = adb.devices(Duration.ofSeconds(15));
        } catch (AdbException e) {
            return List.of(new EnvironmentCheck.Result("android devices", EnvironmentCheck.Status.WARN, e.getMessage(),
                    "sudo apt-get install -y adb; if it is installed: adb kill-server && adb start-server", false));
        }
        if (attached.isEmpty()) {
            return List.of(new EnvironmentCheck.Result("android devices", EnvironmentCheck.Status.WARN, "none attached (adb devices -l lists none)",
                    "plug in a phone with Developer options > USB debugging on and accept its prompt, or start an emulator; "
                            + "'permlab scan' needs none", false));
        }
        List<EnvironmentCheck.Result> out = new ArrayList<>();
        for (AttachedDevice d : attached) {
            out.add(new EnvironmentCheck.Result("device " + d.serial(), d.usable() ? EnvironmentCheck.Status.OK : EnvironmentCheck.Status.WARN,
                    d.state() + (d.details().isEmpty() ? "" : " " + d.details()), d.fix(), false));
        }
        return out;
    }
}
