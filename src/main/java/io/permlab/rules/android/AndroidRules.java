package io.permlab.rules.android;

import io.permlab.rules.Rule;

import java.util.List;

/**
 * The rules over what an Android device itself reported during the runs (DeviceEvidence), joined with the runs and the
 * APK's manifest, in the order they run.
 */
public final class AndroidRules {
    private AndroidRules() {
    }

    public static List<Rule> all() {
        return List.of(new BackgroundLocationRule(), new DeclaredNotPromptedRule(), new PromptedNotDeclaredRule(),
                new RefusalExitRule(), new RefusalLoopRule(), new RefusalGrantScreenRule(), new PermissionUsedNotNeededRule());
    }
}
