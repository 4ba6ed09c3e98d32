package io.permlab.device.uiautomator;

import io.permlab.device.android.DialogPolicy;
import io.permlab.model.dynamic.RunPolicy;

/**
 * How one exploration run answers each system dialog: the baseline grants everything (precise location); a refused
 * run refuses its one permission and grants the rest; the approximate run grants location as approximate (Android
 * 12+; an older dialog cannot, and the chooser says so); the run that declines the privacy policy grants everything.
 */
public final class PromptPolicy {
    private PromptPolicy() {
    }

    public static DialogPolicy forPermission(RunPolicy run, String permissionId) {
        boolean concerned = run.permission() != null && run.permission().equals(permissionId);
        return switch (run.kind()) {
            // declining the privacy policy is the only difference from the baseline in that run
            case GRANT, REFUSE_CONSENT -> DialogPolicy.GRANT;
            case DENY -> concerned ? DialogPolicy.DENY : DialogPolicy.GRANT;
            case APPROXIMATE -> concerned ? DialogPolicy.GRANT_APPROXIMATE : DialogPolicy.GRANT;
        };
    }
}
