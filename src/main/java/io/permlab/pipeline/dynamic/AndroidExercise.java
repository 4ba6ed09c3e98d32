package io.permlab.pipeline.dynamic;

import io.permlab.capture.EvidenceMasker;
import io.permlab.capture.PersonaMatcher;
import io.permlab.device.adb.Adb;
import io.permlab.device.adb.AdbException;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidSessionFactory;
import io.permlab.device.uiautomator.AndroidToolchain;
import io.permlab.device.uiautomator.AppUnderTest;
import io.permlab.device.uiautomator.DeviceChoice;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.device.web.AppiumServer;
import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.SessionException;
import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.AndroidApp;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Persona;
import io.permlab.pipeline.ExerciseStage;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StageFailure;
import io.permlab.pipeline.TargetDescriptor;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exercise of APK targets on an Android device: each function's flow explored like an H5 app's (baseline, one run
 * per refused permission, approximate location) through Android sessions; the exploration joins the APK's static
 * facts in one evidence. The device is looked for (adb answers at once) and the Appium server started for the first
 * target that needs them; when either is missing every target says so, and the batch goes on.
 */
public final class AndroidExercise implements ExerciseStage {
    private static final Localized NEEDS_DEVICE = new Localized(
            "未由 scan 运行：Android 应用的功能要在设备上运行，请用 permlab run --device 检测",
            "not exercised by 'scan': an Android app's functions run on a device, with 'permlab run --device'");

    /** Where sessions come from: the real adb and Appium, or (in a test) a scripted device. */
    public interface DeviceLinkFactory {
        DeviceLink link(URL appium);
    }

    private final KnowledgeBase knowledge;
    /** The invocation's dialog and sheet catalogues, loaded once with the knowledge (--knowledge may replace them). */
    private final DialogKnowledge dialogs;
    private final AndroidProfile profile;
    private final FlowRunner.Options runnerOptions;
    private final boolean mask;
    private final Path home;
    private final Path outDir;
    private final URL appiumUrl;
    private final DeviceLinkFactory links;
    private final boolean scripted;
    /** How each run's traffic and storage are captured; null: not at all (a scripted device given no capture). */
    private final DeviceCapturePlan capturePlan;
    private AppiumServer appium;
    private SessionException unavailable;
    private boolean ready;

    AndroidExercise(KnowledgeBase knowledge, DialogKnowledge dialogs, AndroidProfile profile, FlowRunner.Options runnerOptions,
                    boolean mask, Path home, Path outDir, URL appiumUrl, DeviceLinkFactory links) {
        this(knowledge, dialogs, profile, runnerOptions, mask, home, outDir, appiumUrl, links,
                links == null ? DeviceCapturePlan.real(profile) : null);
    }

    AndroidExercise(KnowledgeBase knowledge, DialogKnowledge dialogs, AndroidProfile profile, FlowRunner.Options runnerOptions,
                    boolean mask, Path home, Path outDir, URL appiumUrl, DeviceLinkFactory links, DeviceCapturePlan capturePlan) {
        this.capturePlan = capturePlan;
        this.knowledge = knowledge;
        this.dialogs = dialogs;
        this.profile = profile;
        this.runnerOptions = runnerOptions;
        this.mask = mask;
        this.home = home;
        this.outDir = outDir;
        this.appiumUrl = appiumUrl;
        this.scripted = links != null;
        this.links = links != null ? links : url -> DeviceLink.real(Adb.locate(), url);
    }

    /** APKs, and mini-programs (run inside WeChat when target.json has a "wechat" block). */
    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.APK || target.kind() == TargetKind.MINIPROGRAM;
    }

    @Override
    public Class<Exploration> section() {
        return Exploration.class;
    }

    /** The device's own facts per run ({@link DeviceEvidence}) and what of its traffic and storage could be seen ({@link DeviceCapture}), beside the exploration. */
    @Override
    public Set<Class<? extends EvidenceSection>> alsoContributes() {
        return Set.of(DeviceEvidence.class, DeviceCapture.class);
    }

    /**
     * A mini-program inside WeChat gets no {@link DeviceEvidence}: dumpsys and appops on a device would describe WeChat's
     * own permissions, not the program's, so no rule reading them judges (or is listed for) the program.
     */
    @Override
    public Set<Class<? extends EvidenceSection>> alsoContributes(Target target) {
        return target.kind() == TargetKind.MINIPROGRAM ? Set.of(DeviceCapture.class) : alsoContributes();
    }

    @Override
    public Localized leftTo() {
        return NEEDS_DEVICE;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) throws StageFailure {
        if (target.kind() == TargetKind.MINIPROGRAM) {
            return insideWeChat(target, context);
        }
        Path dir = target.folder();
        if (dir == null) {
            context.problem(target.location().toString(), "target", "an APK is exercised on a device from a folder with "
                    + TargetDescriptor.FILE + " (kind apk, package, functions and their flows); its static facts are still reported");
            return Optional.empty();
        }
        Path file = dir.resolve(TargetDescriptor.FILE);
        AndroidApp android = withPackage(target, file, context);
        List<FunctionUnderTest> functions = FunctionRuns.flows(target, dir, home, AndroidExercise::openProblem,
                profile.ceilings().stepMillis(), context);
        if (functions.isEmpty()) {
            context.problem(file.toString(), "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        // the target's persona, completed by the device's identifiers the profile declares (docs/persona.md)
        DevicePersona typed = DevicePersona.of(dir, functions, profile, context);
        Persona persona = typed.persona();
        functions = typed.functions();
        if (functions.isEmpty()) {
            context.problem(file.toString(), "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        try {
            deviceAndServer();
        } catch (SessionException e) {
            throw SessionFailures.stageFailure(null, e);
        }
        Deadline deadline = Deadline.in(profile.ceilings().targetMillis(), "target");
        UnaryOperator<String> masker = typed.masker(mask);
        DeviceLink link = links.link(appiumUrl);
        AndroidSessionFactory factory = new AndroidSessionFactory(profile,
                new AppUnderTest(target.location(), android.packageName(), android.activity()), link, masker, dialogs.dialogs());
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), runnerOptions);
        RunFilesIndex recorder = new RunFilesIndex(new ExplorationRecorder(outDir, "runs/" + target.id(), mask, persona));
        // each run's traffic through the lab proxy and its storage through adb (docs/android-traffic.md)
        DeviceCaptureRuns capture = capturePlan == null ? null
                : DeviceCaptureRuns.ofApp(capturePlan, profile, link, android.packageName(), outDir, context.work().resolve("storage"));
        Explorer explorer = new Explorer(capture == null ? factory : capture.sessions(factory), runner,
                capture == null ? recorder : capture.recorder(recorder), knowledge, profile.ceilings());
        List<FunctionExploration> explored;
        try {
            explored = FunctionRuns.explore(explorer, functions, UnaryOperator.identity(), deadline, target, "permission", context);
        } catch (SessionException e) {
            throw SessionFailures.stageFailure(target.location().toString(), e);
        }
        context.contribute(deviceEvidence(android.packageName(), explored, recorder, factory));
        if (capture != null) {
            context.contribute(capture.section());
        }
        return Optional.of(new Exploration("android-app://" + android.packageName(), List.of(), factory.describe(), explored));
    }

    /** target.json's package and activity; the package, when it names none, as the APK's manifest declares it. */
    private static AndroidApp withPackage(Target target, Path file, StageContext context) throws StageFailure {
        AndroidApp android = target.android();
        if (android != null && android.packageName() != null) {
            return android;
        }
        try {
            String declared = ApkInspector.declaredPackage(target.location(), context.work(), InspectionLimits.defaults());
            if (declared == null || declared.isBlank()) {
                throw new InspectionException(target.location().toString(), "the manifest declares no package");
            }
            return new AndroidApp(declared, android == null ? null : android.activity());
        } catch (InspectionException e) {
            throw new StageFailure(file.toString(), "target", "field 'package' is not given and the APK's cannot be read ("
                    + e.oneLine() + "): add the application id, e.g. \"package\": \"io.appium.android.apis\"");
        }
    }

    /** A mini-program explored inside WeChat on the device (docs/android-devices.md, "Mini-programs inside WeChat"). */
    private Optional<EvidenceSection> insideWeChat(Target target, StageContext context) throws StageFailure {
        Path dir = target.folder();
        if (dir == null || target.miniProgram() == null || target.miniProgram().wechat() == null) {
            context.problem(dir == null ? target.location().toString() : dir.resolve(TargetDescriptor.FILE).toString(), "target",
                    "a mini-program runs on a device inside WeChat only with a 'wechat' block in " + TargetDescriptor.FILE
                            + " (appId or scheme); its static facts are still reported");
            return Optional.empty();
        }
        List<FunctionUnderTest> functions = FunctionRuns.flows(target, dir, home, WeChatExploration::openProblem,
                profile.ceilings().stepMillis(), context);
        if (functions.isEmpty()) {
            context.problem(dir.resolve(TargetDescriptor.FILE).toString(), "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        DevicePersona persona = DevicePersona.of(dir, functions, profile, context);
        if (persona.functions().isEmpty()) {
            context.problem(dir.resolve(TargetDescriptor.FILE).toString(), "flow", "no function with a runnable flow: nothing to exercise");
            return Optional.empty();
        }
        try {
            deviceAndServer();
            return Optional.of(WeChatExploration.explore(target, persona, knowledge, dialogs, profile, runnerOptions, mask, home, outDir,
                    links.link(appiumUrl), capturePlan, context));
        } catch (SessionException e) {
            throw SessionFailures.stageFailure(target.location().toString(), e);
        }
    }

    /**
     * The device's masker (page sources, screenshots, device facts): the persona's exact values and encodings first,
     * as the recorder masks them in the run's texts and HAR, then PI by shape.
     */
    static UnaryOperator<String> masker(Persona persona) {
        if (persona == null) {
            return EvidenceMasker::mask;
        }
        PersonaMatcher matcher = new PersonaMatcher(persona);
        return text -> EvidenceMasker.mask(matcher.maskPersona(text));
    }

    /** The facts each run left on the device, joined to the run through the file store the run was given. */
    static DeviceEvidence deviceEvidence(String pkg, List<FunctionExploration> explored, RunFilesIndex files,
                                         AndroidSessionFactory factory) {
        List<DeviceEvidence.RunFacts> runs = new ArrayList<>();
        for (FunctionExploration f : explored) {
            for (io.permlab.model.dynamic.Run r : f.runs()) {
                files.filesOf(f.functionId(), r.id()).flatMap(factory::factsOf)
                        .ifPresent(facts -> runs.add(new DeviceEvidence.RunFacts(f.functionId(), r.id(), facts)));
            }
        }
        return new DeviceEvidence(pkg, runs);
    }

    /**
     * The profile's device is attached (adb answers at once, so no server is started for a device that is not there)
     * and an Appium server answers; decided once, for the first target that needs them.
     */
    private void deviceAndServer() throws SessionException {
        if (unavailable != null) {
            throw unavailable;
        }
        if (ready) {
            return;
        }
        try {
            try {
                DeviceChoice.choose(profile, links.link(appiumUrl).devices());
            } catch (AdbException e) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot list Android devices: " + e.getMessage(), e);
            }
            if (!scripted) {
                appium = ensureAppium();
            }
            ready = true;
        } catch (SessionException e) {
            unavailable = e;
            throw e;
        }
    }

    /** The server, started here when local and not answering; a local one needs the UiAutomator2 driver registered. */
    private AppiumServer ensureAppium() throws SessionException {
        // a server PermLab may start itself (a loopback URL) is the pinned one, which needs the driver registered in .appium/
        boolean local = appiumUrl.getHost().equals("127.0.0.1") || appiumUrl.getHost().equals("localhost");
        if (local && AndroidToolchain.uiautomator2Driver(home).isEmpty()) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "the Appium UiAutomator2 driver is not installed in "
                    + home.resolve(".appium") + ": " + AndroidToolchain.driverFix(home));
        }
        return AppiumServer.ensure(appiumUrl, home, outDir.resolve("appium.log"));
    }

    @Override
    public void close() {
        if (appium != null) {
            appium.close();
        }
    }

    /** Why an Android flow may not open {@code value}: it opens "app" or an activity, never a URL. Null when it may. */
    static String openProblem(String value) {
        if (value == null || value.isBlank() || value.equals("app") || value.matches("([A-Za-z0-9_.]+/)?\\.?[A-Za-z0-9_.$]+")
                && !value.contains(":")) {
            return null;
        }
        return "an Android flow opens \"app\" (the launch activity) or an activity (\".MainActivity\"), not '" + value + "'";
    }
}
