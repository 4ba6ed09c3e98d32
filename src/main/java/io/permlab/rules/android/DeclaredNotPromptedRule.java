package io.permlab.rules.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.EvidenceSection;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Dangerous permissions the manifest declares that no run ever asked the user for (认定方法 四.1, 164号文 S8: a
 * permission with no function that uses it). Judged only on an exploration that was conclusive (every run, or its
 * retry, ran its course and the device's facts were read) on a device that shows runtime dialogs for the app
 * (API 23+, targetSdk 23+). A permission the device's API level cannot ask for in a dialog (added later, or
 * background location, which Android 11+ grants only in Settings) is left out. Low severity: a function PermLab did
 * not explore may still ask for it; the finding says which functions were explored.
 */
public final class DeclaredNotPromptedRule extends DeviceRunRule {
    /** Since Android 11 background location is granted in Settings only, never in a dialog (docs/rulebase.md). */
    private static final String BACKGROUND_LOCATION = "android.permission.ACCESS_BACKGROUND_LOCATION";

    @Override
    public String id() {
        return "AND-DECLARED-NOT-PROMPTED";
    }

    @Override
    Set<Class<? extends EvidenceSection>> alsoReads() {
        return Set.of(ManifestPermissions.SECTION);
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        ManifestPermissions manifest = ManifestPermissions.of(evidence).orElseThrow();
        Integer api = device.runs().stream().map(r -> r.facts().apiLevel()).filter(Objects::nonNull).findFirst().orElse(null);
        if (api == null || api < 23 || manifest.targetSdk() < 23 || !AndroidPrompts.conclusive(x, device)
                || !Objects.equals(manifest.packageName(), device.packageName())) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        Set<String> prompted = new LinkedHashSet<>();
        for (FunctionExploration f : x.functions()) {
            for (Run run : f.runs()) {
                run.requests().stream().filter(AndroidPrompts::isDialog).forEach(r -> prompted.addAll(AndroidPrompts.groups(r, kb)));
            }
        }
        Map<String, List<String>> unprompted = new LinkedHashMap<>();
        for (String name : manifest.declaredOn(api)) {
            PermissionInfo p = kb.permission(name).orElse(null);
            if (p == null || !p.dangerous() || p.addedApi() > api || BACKGROUND_LOCATION.equals(name) && api >= 30
                    || prompted.contains(p.group())) {
                continue;
            }
            unprompted.computeIfAbsent(p.group(), g -> new java.util.ArrayList<>()).add(name);
        }
        String functions = String.join("、", x.functions().stream().map(FunctionExploration::functionName).toList());
        int runs = x.functions().stream().mapToInt(f -> f.runs().size()).sum();
        for (Map.Entry<String, List<String>> e : unprompted.entrySet()) {
            Violation v = Violation.of(this)
                    .arg("group", e.getKey())
                    .arg("permissions", String.join(", ", e.getValue()))
                    .arg("functions", functions)
                    .arg("runs", runs)
                    .key(e.getKey())
                    .at(EvidencePointer.of("manifest", "AndroidManifest.xml", e.getValue().get(0),
                            "<uses-permission> " + String.join(", ", e.getValue())));
            // the installed app requests them too (dumpsys package), so the scanned manifest is the one that ran
            DeviceEvidence.RunFacts first = device.runs().get(0);
            List<String> installed = first.facts().requestedPermissions().stream().filter(e.getValue()::contains).toList();
            if (!installed.isEmpty()) {
                v.at(EvidencePointer.inRun(first.runId(), "device-facts", null, "dumpsys package: requested permissions", installed.toString()));
            }
            ctx.report(v);
        }
    }
}
