package io.permlab.cli;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.lab.LabProfile;
import io.permlab.device.lab.LabProfiles;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;
import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.RunResult;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.dynamic.AndroidBatch;
import io.permlab.pipeline.dynamic.LabBatch;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code permlab run}: exercises H5 targets' functions in a browser and proves which permissions they force. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "run",
        description = {"Exercise H5 targets: run each function's flow once granting every permission, then once per "
                + "permission the page asked for with it refused (and for location once with only an approximate position);"
                + " when a flow's consent step names \"refuse\" controls, once more declining the privacy policy"
                + " (and declining it again each time its sheet comes back, which is counted).",
                "A function that works in the first run and fails in another has that permission as mandatory; judged against "
                        + "the app's category, with both runs' screenshots, the permission requests, the HAR traffic and storage as evidence.",
                "A run cut short by a browser crash, a lost session or a ceiling (device profile \"ceilings\") is inconclusive: "
                        + "retried once in a fresh session, reported as an error, never judged; so is a run whose page opens an alert, "
                        + "confirm or prompt no \"dialog\" step answers. Flows open only the target's own, "
                        + "served and \"allowHosts\" hosts; downloads are kept in the run's folder."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  permlab run apps/demo-delivery --out reports/demo",
                "  permlab run apps/ --device devices/local-chromium.json",
                "  # through an Appium server (started if not running)",
                "  permlab run apps/demo-delivery --appium http://127.0.0.1:4723",
                "  # through a Selenium Grid",
                "  permlab run apps/demo-delivery --grid http://127.0.0.1:4444",
                "  # an Android app on a device (profile with \"kind\": \"android\")",
                "  permlab run apps/apidemos-android --device devices/android-usb.json",
                "  # a mini-program inside WeChat on that phone (target.json \"wechat\" block)",
                "  permlab run apps/my-miniprogram --device devices/android-usb.json",
                "",
                "A target is a folder with target.json (kind h5, entry URL, functions and",
                "their flows under tests/). Writes to --out what 'scan' writes, plus",
                "runs/<target>/<run>/: screenshots, page sources, traffic.har."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "Target folders (with target.json), or folders to search.")
    List<Path> targets;

    @CommandLine.Mixin
    ReportingOptions options;

    @Option(names = "--device", paramLabel = "FILE", description = "Device profile (default: devices/local-chromium.json).")
    Path device;

    @CommandLine.ArgGroup(exclusive = true)
    Remote remote;

    static final class Remote {
        @Option(names = "--appium", paramLabel = "URL", description = "Run through an Appium server (its Chromium driver); a local URL nobody answers on gets the pinned server started.")
        URL appium;

        @Option(names = "--grid", paramLabel = "URL", description = "Run through a Selenium Grid.")
        URL grid;
    }

    @Option(names = "--relaunch-probe-ms", paramLabel = "MS", defaultValue = "2000",
            description = "After a refused run, reopen the page and watch this long for a renewed request (default: ${DEFAULT-VALUE}).")
    long relaunchProbe;

    @Option(names = "--runs-at-once", paramLabel = "N", defaultValue = "2",
            description = "Runs of one exploration with a session open at once: a refused run starts as soon as the baseline is asked "
                    + "for its permission (browsers and the mini-program runtime; an Android device runs one at a time) (default: ${DEFAULT-VALUE}).")
    int runsAtOnce;

    @Override
    public Integer call() {
        if (runsAtOnce < 1) {
            spec.commandLine().getErr().println("permlab run: --runs-at-once must be at least 1");
            return ExitCode.USAGE_ERROR.code();
        }
        return Inspecting.run("run", options, spec.commandLine().getErr(), (knowledge, dialogs, outDir, listener) -> {
            Path profileFile = device != null ? device : PermLabHome.dir().resolve("devices/local-chromium.json");
            if (LabProfiles.isLab(profileFile)) {
                return labRun(profileFile, knowledge, dialogs, outDir, listener);
            }
            if (AndroidProfiles.isAndroid(profileFile)) {
                return androidRun(profileFile, knowledge, dialogs, outDir, listener);
            }
            DeviceProfile profile;
            try {
                profile = DeviceProfiles.load(profileFile);
            } catch (DeviceProfiles.InvalidProfileException e) {
                throw new Inspecting.UsageException(e.getMessage());
            }
            SessionChoice sessions = remote == null ? SessionChoice.local()
                    : remote.appium != null ? SessionChoice.appium(remote.appium) : SessionChoice.grid(remote.grid);
            DynamicOptions dynamic = new DynamicOptions(profile, sessions, !options.unmasked,
                    new FlowRunner.Options(!options.unmasked, relaunchProbe), PermLabHome.dir(), runsAtOnce);
            return Pipelines.exercising(knowledge, InspectionLimits.defaults(), dynamic, outDir).run("run", targets,
                    new TargetLoader(knowledge, options.category, Pipelines.EXERCISED_KINDS), Pipelines.workRoot(outDir),
                    Version.current(), listener);
        });
    }

    /** A device lab profile: the APK targets spread over the lab's free devices (README, "Running on a device lab"). */
    private RunResult labRun(Path profileFile, io.permlab.knowledge.KnowledgeBase knowledge, DialogKnowledge dialogs, Path outDir,
                             BatchListener listener)
            throws Inspecting.UsageException {
        LabProfile profile;
        try {
            profile = LabProfiles.load(profileFile);
        } catch (LabProfiles.InvalidLabProfileException e) {
            throw new Inspecting.UsageException(e.getMessage());
        }
        if (remote != null) {
            throw new Inspecting.UsageException("a lab profile names its own server (\"url\"): drop --appium / --grid");
        }
        return new LabBatch(knowledge, dialogs, profile, new FlowRunner.Options(!options.unmasked, relaunchProbe), !options.unmasked,
                PermLabHome.dir()).run(targets, options.category, outDir, Version.current(), listener);
    }

    /** An Android device profile: the APK targets' flows run on the device, mini-programs inside WeChat (docs/android-devices.md). */
    private RunResult androidRun(Path profileFile, io.permlab.knowledge.KnowledgeBase knowledge, DialogKnowledge dialogs, Path outDir,
                                 BatchListener listener)
            throws Inspecting.UsageException {
        AndroidProfile profile;
        try {
            // the device's identifiers complete each target's persona (docs/persona.md)
            profile = AndroidProfiles.load(profileFile).withPersona(io.permlab.capture.PersonaReader.ofAndroidProfile(profileFile));
        } catch (AndroidProfiles.InvalidAndroidProfileException | io.permlab.capture.PersonaFileException e) {
            throw new Inspecting.UsageException(e.getMessage());
        }
        if (remote != null && remote.grid != null) {
            throw new Inspecting.UsageException("--grid drives browsers; an Android profile runs through Appium (its \"appium\" field or --appium)");
        }
        return new AndroidBatch(knowledge, dialogs, profile, new FlowRunner.Options(!options.unmasked, relaunchProbe), !options.unmasked,
                PermLabHome.dir(), remote == null ? null : remote.appium).run(targets, options.category, outDir, Version.current(), listener);
    }
}
