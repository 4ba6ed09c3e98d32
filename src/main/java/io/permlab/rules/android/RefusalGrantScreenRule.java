package io.permlab.rules.android;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * After a refusal the app shows only a screen that asks for the permission (or sends the user to Settings) and the
 * function goes no further (164号文 S2/S3; 认定方法 四.2): the refused run failed where the baseline completed, the
 * app was still in front at the flow's end, and its texts there contain a phrase of the rule's "grantPhrases" (Chinese
 * and English, '|'-separated, in rules-android.json). Only for a permission the category does not need. A screen PermLab
 * cannot read (the system's Settings page is an unrecognised dialog, the run inconclusive) is not judged.
 */
public final class RefusalGrantScreenRule extends DeviceRunRule {
    @Override
    public String id() {
        return "AND-REFUSAL-GRANT-SCREEN";
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return;
        }
        Localized phrases = ctx.text(this, "grantPhrases").text();
        List<String> words = split(phrases.zh() + "|" + phrases.en());
        for (FunctionExploration f : x.functions()) {
            if (!AndroidPrompts.completed(f.baseline())) {
                continue;
            }
            for (Run run : f.runs()) {
                if (!AndroidPrompts.refusedAndConclusive(run) || run.passed()) {
                    continue;
                }
                WebPermission p = ctx.knowledge().webPermission(run.policy().permission()).orElse(null);
                if (p == null || p.pi().stream().anyMatch(category.necessaryPi()::contains)) {
                    continue;
                }
                DeviceRunFacts.FlowEnd end = device.of(f.functionId(), run.id()).map(DeviceRunFacts::flowEnd).orElse(null);
                if (end == null || end.appLeft() || !device.packageName().equals(end.inFront())) {
                    continue;
                }
                Optional<String> said = end.appTexts().stream().filter(t -> matches(t, words)).findFirst();
                if (said.isEmpty()) {
                    continue;
                }
                ctx.report(ctx.unlessNecessaryInSomeServices(this, Violation.of(this)
                        .arg("function", f.functionName())
                        .arg("permission", p.label())
                        .arg("category", category.label())
                        .arg("text", said.get())
                        .arg("run", run.id())
                        .key(f.functionId() + ":" + p.id())
                        .at(AndroidPrompts.dialog(run, AndroidPrompts.refusal(run)))
                        .at(EvidencePointer.inRun(run.id(), "device-facts", null, run.id() + " flow end", String.join(" | ", end.appTexts())))
                        .at(AndroidPrompts.failure(run)), p.pi()));
            }
        }
    }

    private static List<String> split(String phrases) {
        return Arrays.stream(phrases.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean matches(String text, List<String> words) {
        String t = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(t::contains);
    }
}
