package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.device.uiautomator.WeChatAnswerMemory;
import io.permlab.device.uiautomator.WeChatSessionFactory;
import io.permlab.exercise.Deadline;
import io.permlab.exercise.Explorer;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.ClientHosts;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Target;
import io.permlab.model.WeChatLaunch;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.pipeline.StageContext;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The exploration of a mini-program inside WeChat on the profile's device (docs/android-devices.md, "Mini-programs
 * inside WeChat"): the same explorer and flow runner as for APKs, through WeChat sessions; what WeChat remembers is
 * kept in {@value #MEMORY} under PermLab's folder, so that it outlives the invocation as WeChat's memory does.
 */
final class WeChatExploration {
    static final String MEMORY = WeChatAnswerMemory.STATE_FILE;

    private WeChatExploration() {
    }

    /** "pages/…", "app" or a weixin://dl/business/?… URL; anything else names the problem. */
    static String openProblem(String value) {
        if (value == null || value.isBlank() || value.equals("app") || value.startsWith(WeChatLaunch.SCHEME_PREFIX)
                || value.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*")) {
            return null;
        }
        return "a mini-program flow inside WeChat opens \"app\", a page path (\"pages/index/index\") or a "
                + WeChatLaunch.SCHEME_PREFIX + "… URL, not '" + value + "'";
    }

    /** WeChat's own hosts (knowledge), under the package the target names (a WeChat build with another id keeps the hosts). */
    private static ClientHosts wechatClient(KnowledgeBase knowledge, WeChatLaunch launch) {
        return new ClientHosts(launch.wechatPackage(), knowledge.wechatClient().hosts());
    }

    /** The answer memory; one that cannot be read stops the target (never a guess about what WeChat remembers). */
    private static WeChatAnswerMemory memory(Path home) throws SessionException {
        try {
            return WeChatAnswerMemory.at(home.resolve(MEMORY));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, e.getMessage() + " (fix or delete it; delete it only "
                    + "if every program it names was also deleted from WeChat)", e);
        }
    }

    /**
     * The functions as typed with the persona ({@link DevicePersona}), whose values the recorder finds and masks as on APK
     * runs; with a capture plan, each run's traffic through the lab proxy as WeChat's ({@link DeviceCaptureRuns#insideWeChat}:
     * WeChat's own hosts set apart, storage stated not inspectable), contributed as the {@code DeviceCapture} section.
     */
    static Exploration explore(Target target, DevicePersona persona, KnowledgeBase knowledge, DialogKnowledge dialogs,
                               AndroidProfile profile, FlowRunner.Options runnerOptions, boolean mask, Path home, Path outDir,
                               DeviceLink link, DeviceCapturePlan capturePlan, StageContext context) throws SessionException {
        WeChatLaunch launch = target.miniProgram().wechat();
        List<FunctionUnderTest> functions = persona.functions();
        WeChatSessionFactory factory = new WeChatSessionFactory(profile, launch, link, memory(home), persona.masker(mask), dialogs);
        FlowRunner runner = new FlowRunner(new PurposeDetector(knowledge), runnerOptions);
        RunFilesIndex recorder = new RunFilesIndex(new ExplorationRecorder(outDir, "runs/" + target.id(), mask, persona.persona()));
        DeviceCaptureRuns capture = capturePlan == null ? null : DeviceCaptureRuns.insideWeChat(capturePlan, profile, link,
                wechatClient(knowledge, launch), outDir, context.work().resolve("storage"));
        Explorer explorer = new Explorer(capture == null ? factory : capture.sessions(factory), runner,
                capture == null ? recorder : capture.recorder(recorder), knowledge, profile.ceilings());
        Deadline deadline = Deadline.in(profile.ceilings().targetMillis(), "target");
        List<FunctionExploration> explored = FunctionRuns.explore(explorer, functions, UnaryOperator.identity(), deadline, target,
                "permission", context);
        if (capture != null) {
            context.contribute(capture.section());
        }
        String program = launch.appId() != null ? launch.appId() : launch.url();
        // the program's own hosts as target.json declares them, as for the simulated runtime: any other is a third party
        return new Exploration("wechat-miniprogram://" + program, target.miniProgram().ownHosts(), factory.describe(), explored);
    }
}
