package io.permlab.device.android;

import io.permlab.device.android.DialogRecognition.PermissionDialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a dialog's choices to tap, in order, to answer it under a run policy. It only picks among what the dialog
 * offers; when the dialog cannot carry the policy out (no approximate location before Android 12, no "don't ask again"
 * on a first request) the plan says so instead of tapping something close.
 */
public final class DialogAnswerChooser {
    /** Grants in order of preference: "while using" is what a user granting a function typically taps. */
    private static final List<Choice> GRANTS = List.of(Choice.ALLOW_FOREGROUND, Choice.ALLOW, Choice.ALLOW_ALWAYS,
            Choice.ALLOW_ONE_TIME, Choice.ALLOW_LIMITED);

    private final ApiLevelAnswers version;

    /** A chooser that knows nothing of the device's version: what each dialog offers decides. */
    public DialogAnswerChooser() {
        this(ApiLevelAnswers.unknown());
    }

    /** A chooser for one device's version, which says why a policy cannot be expressed there. */
    public DialogAnswerChooser(ApiLevelAnswers version) {
        this.version = version;
    }

    public AnswerPlan choose(PermissionDialog dialog, DialogPolicy policy) {
        return switch (policy) {
            case GRANT -> grant(dialog, Choice.PRECISE, "");
            case GRANT_APPROXIMATE -> approximate(dialog);
            case DENY -> deny(dialog);
            case DENY_FOREVER -> denyForever(dialog);
        };
    }

    private static AnswerPlan grant(PermissionDialog dialog, Choice accuracy, String note) {
        Optional<OfferedChoice> allow = GRANTS.stream().map(dialog::offered).flatMap(Optional::stream).findFirst();
        if (allow.isEmpty()) {
            return new AnswerPlan(List.of(), false, "the dialog offers no way to grant");
        }
        List<OfferedChoice> taps = new ArrayList<>();
        dialog.offered(accuracy).filter(c -> !c.selected()).ifPresent(taps::add);
        taps.add(allow.get());
        return new AnswerPlan(taps, true, note);
    }

    private AnswerPlan approximate(PermissionDialog dialog) {
        if (dialog.offered(Choice.APPROXIMATE).isPresent()) {
            return grant(dialog, Choice.APPROXIMATE, "");
        }
        Optional<String> inexpressible = version.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, dialog.group());
        if (inexpressible.isPresent()) {
            return new AnswerPlan(List.of(), false, inexpressible.get());
        }
        if (dialog.group() == null) {
            return new AnswerPlan(List.of(), false,
                    "the dialog names no permission group, so it cannot be told whether approximate location applies");
        }
        if (dialog.group().equals("LOCATION")) {
            return new AnswerPlan(List.of(), false,
                    "this location dialog offers no approximate choice (Android 12+ only); the run cannot grant approximate location");
        }
        return grant(dialog, Choice.PRECISE, "approximate concerns location only; " + dialog.group() + " granted");
    }

    private static AnswerPlan deny(PermissionDialog dialog) {
        Optional<OfferedChoice> deny = dialog.offered(Choice.DENY);
        if (deny.isPresent()) {
            return new AnswerPlan(List.of(deny.get()), true, "");
        }
        return dialog.offered(Choice.DENY_DONT_ASK_AGAIN)
                .map(c -> new AnswerPlan(List.of(c), true, "the only refusal offered is don't ask again (a repeated request)"))
                .orElseGet(() -> new AnswerPlan(List.of(), false, "the dialog offers no way to refuse"));
    }

    private static AnswerPlan denyForever(PermissionDialog dialog) {
        Optional<OfferedChoice> forever = dialog.offered(Choice.DENY_DONT_ASK_AGAIN);
        if (forever.isPresent()) {
            return new AnswerPlan(List.of(forever.get()), true, "");
        }
        Optional<OfferedChoice> deny = dialog.offered(Choice.DENY);
        Optional<OfferedChoice> toggle = dialog.offered(Choice.DONT_ASK_AGAIN_TOGGLE);
        if (deny.isPresent() && toggle.isPresent()) {
            List<OfferedChoice> taps = new ArrayList<>();
            toggle.filter(t -> !t.selected()).ifPresent(taps::add);
            taps.add(deny.get());
            return new AnswerPlan(taps, true, "");
        }
        return deny.map(d -> new AnswerPlan(List.of(d), false,
                        "refused once: a first request offers no don't ask again; refuse the next request too to refuse for good"))
                .orElseGet(() -> new AnswerPlan(List.of(), false, "the dialog offers no way to refuse"));
    }
}
