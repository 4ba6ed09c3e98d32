package io.permlab.pipeline.dynamic;

import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AdbException;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.DeviceChoice;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.device.uiautomator.AndroidToolchain;
import io.permlab.device.web.AppiumServer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.ScratchDeletion;
import io.permlab.model.TargetKind;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetSpec;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code permlab run --device <android profile>}: exercises every APK target with a target.json on the profile's
 * device through one Appium server (the profile's, or the pinned one started here). When the server or its
 * UiAutomator2 driver is missing, every target says so; otherwise each target fails or succeeds on its own.
 */
public final class AndroidBatch {
    private static final String LOCAL_APPIUM = "http://127.0.0.1:4723";

    private final KnowledgeBase knowledge;
    private final AndroidProfile profile;
    private final FlowRunner.Options runner;
    private final boolean mask;
    private final Path home;
    private final URL appiumOverride;
    private final AndroidTargetExercise.DeviceLinkFactory links;

    public AndroidBatch(KnowledgeBase knowledge, AndroidProfile profile, FlowRunner.Options runner, boolean mask, Path home, URL appiumOverride) {
        this(knowledge, profile, runner, mask, home, appiumOverride, null);
    }

    AndroidBatch(KnowledgeBase knowledge, AndroidProfile profile, FlowRunner.Options runner, boolean mask, Path home, URL appiumOverride,
                 AndroidTargetExercise.DeviceLinkFactory links) {
        this.knowledge = knowledge;
        this.profile = profile;
        this.runner = runner;
        this.mask = mask;
        this.home = home;
        this.appiumOverride = appiumOverride;
        this.links = links;
    }

    public RunResult run(List<Path> paths, String category, Path outDir, String version, BatchListener listener) {
        Instant started = Instant.now();
        List<TargetSpec> specs = new TargetLoader(knowledge, category, EnumSet.of(TargetKind.APK)).load(paths);
        listener.started(specs.size());
        List<TargetResult> results = new ArrayList<>();
        URL url = appiumOverride != null ? appiumOverride : profile.appium() != null ? profile.appium() : localAppium();
        AppiumServer appium = null;
        SessionException problem = null;
        if (specs.stream().anyMatch(TargetSpec::inspectable)) {
            try {
                deviceAttached(url); // adb answers at once: no server is started for a device that is not there
                appium = ensureAppium(url, outDir);
            } catch (SessionException e) {
                problem = e;
            }
        }
        try {
            AndroidTargetExercise exercise = new AndroidTargetExercise(knowledge, profile, runner, mask, home, outDir, url, links);
            AndroidTargetDirs dirs = new AndroidTargetDirs(paths);
            for (TargetSpec spec : specs) {
                TargetResult r = problem != null && spec.inspectable() ? unreachable(spec, problem) : exercise.run(spec, dirs);
                results.add(r);
                listener.finished(r);
            }
        } finally {
            if (appium != null) {
                appium.close();
            }
            ScratchDeletion.deleteInside(outDir, outDir.resolve(".work"));
        }
        return new RunResult("run", "PermLab", version, started, Instant.now(), results);
    }

    private void deviceAttached(URL url) throws SessionException {
        DeviceLink link = links != null ? links.link(url) : DeviceLink.real(Adb.locate(), url);
        try {
            DeviceChoice.choose(profile, link.devices());
        } catch (AdbException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot list Android devices: " + e.getMessage(), e);
        }
    }

    /** The server, started here when local and not answering; a local one needs the UiAutomator2 driver registered. */
    private AppiumServer ensureAppium(URL url, Path outDir) throws SessionException {
        if (links != null) {
            return null; // a scripted device link talks to no server
        }
        // a server PermLab may start itself (a loopback URL) is the pinned one, which needs the driver registered in .appium/
        boolean local = url.getHost().equals("127.0.0.1") || url.getHost().equals("localhost");
        if (local && AndroidToolchain.uiautomator2Driver(home).isEmpty()) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "the Appium UiAutomator2 driver is not installed in "
                    + home.resolve(".appium") + ": " + AndroidToolchain.driverFix(home));
        }
        return AppiumServer.ensure(url, home, outDir.resolve("appium.log"));
    }

    private static URL localAppium() {
        try {
            return URI.create(LOCAL_APPIUM).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TargetResult unreachable(TargetSpec spec, SessionException e) {
        List<ProcessingError> errors = new ArrayList<>(spec.problems());
        errors.add(new ProcessingError(spec.target().id(), null, "session", e.getMessage()));
        return new TargetResult(spec.target(), null, List.of(), errors, 0);
    }
}
