package io.permlab.device.uiautomator;

import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.adb.AppReset;
import io.permlab.device.android.DialogCatalogue;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.model.dynamic.RunPolicy;

import io.permlab.exercise.ArtifactStore;
import io.permlab.model.android.DeviceRunFacts;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Opens one Android session per exploration run: finds the profile's device through {@code adb devices} first (it
 * answers at once, where Appium would wait 20 s for a device that is not there), installs the APK once, resets the
 * app to its first launch, and starts a UiAutomator2 session that never grants permissions by itself.
 */
public final class AndroidSessionFactory implements SessionFactory {
    private static final Duration INSTALL = Duration.ofMinutes(3);

    private final AndroidProfile profile;
    private final AppUnderTest app;
    private final DeviceLink link;
    private final UnaryOperator<String> mask;
    /** The run's permission-dialog knowledge (--knowledge may replace the built-in file). */
    private final DialogCatalogue dialogs;
    private final Set<String> refusable;
    private String installedOn;
    private Integer apiLevel;
    private final Map<ArtifactStore, DeviceRunFacts> facts = Collections.synchronizedMap(new IdentityHashMap<>());

    public AndroidSessionFactory(AndroidProfile profile, AppUnderTest app, DeviceLink link, UnaryOperator<String> mask,
                                 DialogCatalogue dialogs) {
        this.dialogs = dialogs;
        this.refusable = PermissionIds.recognised(dialogs);
        this.profile = profile;
        this.app = app;
        this.link = link;
        this.mask = mask;
    }

    @Override
    public Session open(RunPolicy policy) throws SessionException {
        String serial = device();
        AdbShell adb = link.shell(serial);
        prepare(adb);
        List<String> leftOver;
        try {
            leftOver = AppReset.reset(adb, app.packageName(), apiLevel);
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "resetting " + app.packageName() + " on " + serial + " failed: "
                    + e.getMessage(), e);
        }
        if (!leftOver.isEmpty()) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the run would not start like a first launch: "
                    + String.join("; ", leftOver));
        }
        DeviceDriver driver = link.driver(options(serial));
        return new AndroidSession(adb, driver, app, policy, apiLevel, profile.dialogWatchMillis(),
                describe() + " " + serial + " (API " + apiLevel + ")", mask, dialogs, facts::put);
    }

    /**
     * Every runtime-permission group the dialog catalogue recognises can be refused in its own run (contacts, phone,
     * SMS, calendar, storage and media, body sensors, nearby devices… as well as the groups with a web counterpart):
     * the run refuses that group's dialog and grants the others. An unrecognised group ({@code android:unknown}) cannot.
     */
    @Override
    public boolean canRefuse(String permission) {
        return refusable.contains(permission);
    }

    /**
     * The UiAutomator2 capabilities: the device, the app (already installed, launched by the session), no reset by
     * Appium (PermLab resets), and auto-granting off — checked, since a session that grants by itself hides every prompt.
     */
    public UiAutomator2Options options(String serial) throws SessionException {
        UiAutomator2Options o = new UiAutomator2Options().setUdid(serial).setAppPackage(app.packageName())
                .setNoReset(true).setFullReset(false).setAutoGrantPermissions(false)
                .setNewCommandTimeout(Duration.ofSeconds(120));
        if (app.activity() != null) {
            o.setAppActivity(app.activity());
        }
        if (profile.platformVersion() != null) {
            o.setPlatformVersion(profile.platformVersion());
        }
        if (profile.avd() != null) {
            o.setAvd(profile.avd());
        }
        o.setCapability("appium:autoLaunch", false);
        for (Map.Entry<String, Object> c : profile.capabilities().entrySet()) {
            o.setCapability(c.getKey(), c.getValue());
        }
        refuseAutoGrant(o);
        return o;
    }

    /** Refuses options that would let Appium grant runtime permissions at install or launch. */
    static void refuseAutoGrant(UiAutomator2Options o) throws SessionException {
        if (o.doesAutoGrantPermissions().orElse(false)) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "refused: the session would grant every permission by "
                    + "itself (autoGrantPermissions), hiding every dialog this exploration must see and answer");
        }
    }

    /** The profile's device, or the only one attached; an actionable error when there is none to use. */
    String device() throws SessionException {
        try {
            return DeviceChoice.choose(profile, link.devices());
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot list Android devices: " + e.getMessage(), e);
        }
    }

    /** Once per device: its API level, and the APK installed (never with -g). */
    private void prepare(AdbShell adb) throws SessionException {
        if (adb.serial().equals(installedOn)) {
            return;
        }
        try {
            String sdk = adb.shell("getprop ro.build.version.sdk", Duration.ofSeconds(10)).trim();
            apiLevel = Integer.parseInt(sdk);
        } catch (AdbException | NumberFormatException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot read the Android version of " + adb.serial() + ": "
                    + e.getMessage(), e);
        }
        if (app.apk() != null) {
            try {
                adb.install(app.apk(), INSTALL);
            } catch (AdbException e) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot install " + app.apk().getFileName() + " on "
                        + adb.serial() + " (signature, ABI or minSdk?): " + e.getMessage(), e);
            }
        }
        installedOn = adb.serial();
    }

    /** The device's facts at the end of the run that kept its files in {@code files}, once they were read. */
    public Optional<DeviceRunFacts> factsOf(ArtifactStore files) {
        return Optional.ofNullable(facts.get(files));
    }

    /** The API level of the device the sessions run on, once the first session has read it. */
    public Optional<Integer> apiLevel() {
        return Optional.ofNullable(apiLevel);
    }

    @Override
    public String describe() {
        return "android " + profile.name() + " via " + link.describe();
    }
}
