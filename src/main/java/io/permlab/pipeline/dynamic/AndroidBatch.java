package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.model.TargetKind;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetPipeline;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code permlab run --device <android profile>}: every APK target through the one pipeline — its static inspection,
 * then its flows on the profile's device through one Appium server (the profile's, or the pinned one started here),
 * judged together. When the device, the server or its UiAutomator2 driver is missing, every target says so.
 */
public final class AndroidBatch {
    private static final String LOCAL_APPIUM = "http://127.0.0.1:4723";

    private final KnowledgeBase knowledge;
    private final DialogKnowledge dialogs;
    private final AndroidProfile profile;
    private final FlowRunner.Options runner;
    private final boolean mask;
    private final Path home;
    private final URL appiumOverride;
    private final AndroidExercise.DeviceLinkFactory links;
    private final DeviceCapturePlan capture;

    /** @param dialogs the dialog and sheet catalogues of the invocation's knowledge (--knowledge may replace them) */
    public AndroidBatch(KnowledgeBase knowledge, DialogKnowledge dialogs, AndroidProfile profile, FlowRunner.Options runner, boolean mask,
                        Path home, URL appiumOverride) {
        this(knowledge, dialogs, profile, runner, mask, home, appiumOverride, null);
    }

    /** @param links a scripted device in tests; null for the real adb and Appium */
    AndroidBatch(KnowledgeBase knowledge, DialogKnowledge dialogs, AndroidProfile profile, FlowRunner.Options runner, boolean mask,
                 Path home, URL appiumOverride, AndroidExercise.DeviceLinkFactory links) {
        this(knowledge, dialogs, profile, runner, mask, home, appiumOverride, links, links == null ? DeviceCapturePlan.real(profile) : null);
    }

    /** @param capture how runs' traffic and storage are captured; null: not captured (a scripted device without it) */
    AndroidBatch(KnowledgeBase knowledge, DialogKnowledge dialogs, AndroidProfile profile, FlowRunner.Options runner, boolean mask,
                 Path home, URL appiumOverride, AndroidExercise.DeviceLinkFactory links, DeviceCapturePlan capture) {
        this.capture = capture;
        this.knowledge = knowledge;
        this.dialogs = dialogs;
        this.profile = profile;
        this.runner = runner;
        this.mask = mask;
        this.home = home;
        this.appiumOverride = appiumOverride;
        this.links = links;
    }

    public RunResult run(List<Path> paths, String category, Path outDir, String version, BatchListener listener) {
        URL url = appiumOverride != null ? appiumOverride : profile.appium() != null ? profile.appium() : localAppium();
        AndroidExercise exercise = new AndroidExercise(knowledge, dialogs, profile, runner, mask, home, outDir, url, links, capture);
        TargetPipeline pipeline = new TargetPipeline(Pipelines.inspectors(knowledge, InspectionLimits.defaults(), null),
                List.of(exercise),
                true, new RuleEngine(knowledge, RuleSet.all()));
        return pipeline.run("run", paths, new TargetLoader(knowledge, category, EnumSet.of(TargetKind.APK, TargetKind.MINIPROGRAM)), Pipelines.workRoot(outDir),
                version, listener);
    }

    private static URL localAppium() {
        try {
            return URI.create(LOCAL_APPIUM).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
