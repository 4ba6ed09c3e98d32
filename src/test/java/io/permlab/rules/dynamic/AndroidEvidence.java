package io.permlab.rules.dynamic;

import io.permlab.device.android.AppCrash;
import io.permlab.device.android.CrashLogParser;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Android runs, device facts and a manifest for the Android rules' tests, in the shapes the session and the collector
 * make: dialogs as PromptAnswerer records them (api "android-permission-dialog", the dialog's group and the dumpsys diff
 * in the options), crashes parsed from the logcat recordings under src/test/resources/android/logcat/ by the real
 * CrashLogParser. The end-to-end path through a scripted device is AndroidRefusalEvidenceTest.
 */
final class AndroidEvidence {
    static final String PKG = "io.permlab.sample.delivery";
    static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
    static final String HOME = "com.google.android.apps.nexuslauncher";

    private AndroidEvidence() {
    }

    /** A system dialog for {@code group} (explorer id {@code id}), answered as {@code answer}, at {@code step}. */
    static PermissionRequest dialog(String id, String group, RequestAnswer answer, int step, boolean afterRelaunch) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("skin", "aosp");
        options.put("dialogPackage", "com.android.permissioncontroller");
        options.put("group", group);
        options.put("permissionChanges", answer == RequestAnswer.FAILED ? "android.permission.ACCESS_FINE_LOCATION:DENIED" : "");
        return new PermissionRequest(id, "android-permission-dialog", options, 1000L * step, step, PKG, null, true, false,
                false, afterRelaunch, false, null, answer == RequestAnswer.FAILED ? "deny" : "grant",
                answer == RequestAnswer.FAILED ? "denied" : "granted", answer, null, "dialog-0" + step + "-screen-before.png");
    }

    static PermissionRequest refused(String id, String group, int step) {
        return dialog(id, group, RequestAnswer.FAILED, step, false);
    }

    static PermissionRequest granted(String id, String group, int step) {
        return dialog(id, group, RequestAnswer.SUCCEEDED, step, false);
    }

    static final class RunBuilder {
        final RunPolicy policy;
        boolean passed = true;
        String cause;
        String retryOf;
        String suffix = "";
        final List<PermissionRequest> requests = new ArrayList<>();

        RunBuilder(RunPolicy policy) {
            this.policy = policy;
        }

        RunBuilder failed() {
            passed = false;
            return this;
        }

        RunBuilder inconclusive(String why) {
            passed = false;
            cause = why;
            return this;
        }

        RunBuilder retryOf(String id) {
            retryOf = id;
            suffix = "-retry";
            return this;
        }

        RunBuilder ask(PermissionRequest... r) {
            requests.addAll(List.of(r));
            return this;
        }

        String id() {
            return "add-address-" + policy.id() + suffix;
        }

        Run build() {
            List<StepRecord> steps = passed ? List.of() : List.of(new StepRecord(3, "checkpoint", "checkpoint text=地址已保存", 4000, 300,
                    false, "text=地址已保存 did not appear", "step-03-checkpoint.png", "step-03-page.html"));
            return new Run(id(), "add-address", policy, "android scripted", START, 6000, null, 2, steps, requests, List.of(),
                    List.of(), new CheckpointResult(passed, "checkpoint text=地址已保存", passed ? "visible" : "not reached", 5000,
                    "step-03-checkpoint.png"), List.of(), null, cause != null ? RunOutcome.inconclusive(cause) : RunOutcome.of(passed), retryOf);
        }
    }

    static RunBuilder baseline() {
        return new RunBuilder(RunPolicy.baseline());
    }

    static RunBuilder denied(String id) {
        return new RunBuilder(RunPolicy.deny(id));
    }

    /** One function explored with these runs; each refused run's effect compared with the (last) baseline. */
    static Exploration exploration(Run... runs) {
        Run baseline = null;
        for (Run r : runs) {
            if (r.policy().kind() == RunPolicy.Kind.GRANT) {
                baseline = r;
            }
        }
        List<PermissionEffect> effects = new ArrayList<>();
        for (Run v : runs) {
            if (v.policy().kind() != RunPolicy.Kind.GRANT && baseline != null && v.retryOf() == null) {
                effects.add(new PermissionEffect(v.policy().permission(), v.policy().kind(), baseline.id(), baseline.passed(), v.id(),
                        v.passed(), !baseline.inconclusive() && !v.inconclusive()));
            }
        }
        return new Exploration("android-app://" + PKG, List.of(), "android scripted",
                List.of(new FunctionExploration("add-address", "新增收货地址", "add-address.flow.json", List.of(runs), effects)));
    }

    static DeviceRunFacts facts(int api, List<DeviceRunFacts.Op> ops, List<DeviceRunFacts.Crash> crashes, DeviceRunFacts.FlowEnd end) {
        return new DeviceRunFacts(PKG, "R5CT20SCRIPTED", api, START.plusSeconds(10), List.of(), List.of(), ops, List.of(), List.of(),
                crashes, end);
    }

    static DeviceRunFacts quiet() {
        return facts(33, List.of(), List.of(), inFront("新增收货地址"));
    }

    static DeviceRunFacts.FlowEnd inFront(String... texts) {
        return new DeviceRunFacts.FlowEnd(true, PKG, HOME, List.of(texts));
    }

    /** The crashes of the app in a logcat recording, as the collector keeps them. */
    static List<DeviceRunFacts.Crash> crashesIn(String fixture) {
        List<DeviceRunFacts.Crash> out = new ArrayList<>();
        for (AppCrash c : new CrashLogParser().parse(read("logcat/" + fixture), PKG, fixture)) {
            out.add(new DeviceRunFacts.Crash(c.kind().name(), c.time(), c.pid(), c.process(), c.summary(), c.lines()));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static DeviceEvidence device(Map<Run, DeviceRunFacts> facts) {
        return new DeviceEvidence(PKG, facts.entrySet().stream()
                .map(e -> new DeviceEvidence.RunFacts("add-address", e.getKey().id(), e.getValue())).toList());
    }

    static ApkFacts manifest(String pkg, int targetSdk, String... permissions) {
        List<DeclaredPermission> declared = new ArrayList<>();
        for (String p : permissions) {
            declared.add(new DeclaredPermission(p, null, "uses-permission"));
        }
        return new ApkFacts(pkg, "1.2.0", "120", 21, targetSdk, targetSdk, declared, List.of(), List.of(), null, null, List.of(),
                List.of(), List.of(), List.of(), List.of(), 0, List.of());
    }

    static List<Finding> findings(Rule rule, String category, EvidenceSection... sections) {
        return findings(KnowledgeBase.builtIn(), rule, category, sections);
    }

    static List<Finding> findings(KnowledgeBase kb, Rule rule, String category, EvidenceSection... sections) {
        Target target = new Target("demo", "demo", TargetKind.APK, Paths.get("apps/demo"), null, List.of());
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(rule)).run(Evidence.of(target, sections),
                category == null ? null : kb.category(category));
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings();
    }

    static String read(String path) {
        try (InputStream in = AndroidEvidence.class.getResourceAsStream("/android/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture android/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
