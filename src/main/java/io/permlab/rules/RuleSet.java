package io.permlab.rules;

import io.permlab.rules.android.DeviceCaptureRules;
import io.permlab.rules.apk.ApkRules;
import io.permlab.rules.android.AndroidRules;
import io.permlab.rules.dynamic.DynamicRules;
import io.permlab.rules.miniprogram.MiniProgramRules;
import io.permlab.rules.policy.PolicyRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule PermLab ships, family by family (static APK, static mini-program, runs of flows, privacy policy), in the order they run.
 * A rule runs only on evidence with the sections it reads, so each family stays silent on the others' evidence.
 */
public final class RuleSet {
    private RuleSet() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(ApkRules.all());
        all.addAll(MiniProgramRules.all());
        all.addAll(DynamicRules.all());
        all.addAll(PolicyRules.all());
        all.addAll(AndroidRules.all());
        all.addAll(DeviceCaptureRules.all());
        return List.copyOf(all);
    }
}
