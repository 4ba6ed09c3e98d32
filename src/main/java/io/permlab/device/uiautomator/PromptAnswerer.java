package io.permlab.device.uiautomator;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.android.AnswerPlan;
import io.permlab.device.android.ApiLevelAnswers;
import io.permlab.device.android.Choice;
import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DialogAnswerChooser;
import io.permlab.device.android.DialogCatalogue;
import io.permlab.device.android.DialogPolicy;
import io.permlab.device.android.DialogRecognition.PermissionDialog;
import io.permlab.device.android.DumpsysPackageParser;
import io.permlab.device.android.OfferedChoice;
import io.permlab.device.android.PackageState;
import io.permlab.device.android.PackageStateDiff;
import io.permlab.device.android.PermissionChange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers one recognised permission dialog under the run's policy and records it as an {@link ObservedRequest}, the
 * shape browser prompts have, so the shared explorer and the DYN rules judge both alike. Which permission it was comes
 * from the dialog's text and, decisively, from the {@code dumpsys package} diff taken around the taps (docs/android-evidence.md).
 * A dialog that cannot carry the policy out (no approximate choice before Android 12) is not tapped at all: the run
 * then proves nothing and says why.
 */
final class PromptAnswerer {
    static final String API = "android-permission-dialog";
    private static final Duration DUMPSYS = Duration.ofSeconds(20);
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";

    private final AdbShell adb;
    private final DeviceDriver driver;
    private final String appPackage;
    private final RunPolicy policy;
    private final ApiLevelAnswers version;
    private final DialogAnswerChooser chooser;
    private final DialogCatalogue catalogue;
    /** Refusals tapped in this run, per permission id: the run starts like a first launch, so these are the device's too. */
    private final Map<String, Integer> refusals = new HashMap<>();

    /** @param apiLevel the device's API level, null when it could not be read (the dialogs then decide alone) */
    PromptAnswerer(AdbShell adb, DeviceDriver driver, String appPackage, RunPolicy policy, Integer apiLevel, DialogCatalogue catalogue) {
        this.catalogue = catalogue;
        this.adb = adb;
        this.driver = driver;
        this.appPackage = appPackage;
        this.policy = policy;
        this.version = apiLevel == null ? ApiLevelAnswers.unknown() : ApiLevelAnswers.of(apiLevel);
        this.chooser = new DialogAnswerChooser(version);
    }

    /**
     * Taps the answer; {@code textBefore} is what the app showed just before the dialog (for the purpose check) and
     * {@code screenBefore} the file of its screenshot.
     */
    ObservedRequest answer(PermissionDialog dialog, String textBefore, String screenBefore) throws SessionException {
        Instant at = Instant.now();
        String permission = PermissionIds.of(dialog.group());
        DialogPolicy answer = PromptPolicy.forPermission(policy, permission);
        AnswerPlan plan = chooser.choose(dialog, answer);
        if (plan.taps().isEmpty()) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the " + dialog.skin() + " permission dialog (\""
                    + dialog.message() + "\") cannot be answered '" + answer.id() + "' as run " + policy.id() + " needs: " + plan.note());
        }
        PackageState before = state();
        for (OfferedChoice c : plan.taps()) {
            try {
                driver.tapDialogChoice(c.locator());
            } catch (SessionException e) {
                // a dialog choice that vanished says nothing about the app: never function evidence
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "could not tap '" + c.label() + "' in the "
                        + dialog.skin() + " permission dialog: " + e.getMessage(), e);
            }
        }
        PackageState after = state();
        List<PermissionChange> changes = before != null && after != null ? PackageStateDiff.between(before, after, 0) : List.of();
        if (dialog.group() == null) {
            permission = changes.stream().map(c -> catalogue.groupOf(c.permission())).flatMap(Optional::stream)
                    .findFirst().map(g -> PermissionIds.of(g.id())).orElse(permission);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("skin", dialog.skin());
        options.put("dialogPackage", dialog.packageName());
        options.put("group", dialog.group() == null ? "" : dialog.group());
        options.put("offered", dialog.choices().stream().map(c -> c.choice().name()).collect(Collectors.joining(",")));
        options.put("tapped", plan.taps().stream().map(c -> c.choice().name()).collect(Collectors.joining(",")));
        options.put("policy", answer.id());
        options.put("permissionChanges", changes.stream().map(c -> c.permission() + ":" + c.kind()).collect(Collectors.joining(",")));
        if (before == null || after == null) {
            options.put("permissionChanges", "unknown: dumpsys package could not be read around the answer");
        }
        if (!plan.note().isEmpty()) {
            options.put("note", plan.note());
        }
        if (screenBefore != null) {
            options.put("screenBefore", screenBefore);
        }
        if ("geolocation".equals(permission)) {
            options.put("enableHighAccuracy", Boolean.toString(asksPrecise(dialog, before)));
        }
        String outcome = outcome(changes, plan);
        if (refuses(plan)) {
            int n = refusals.merge(permission, 1, Integer::sum);
            options.put("refusal", Integer.toString(n));
            options.put("androidVersion", version.toString());
            if (version.refusalIsFinal(n)) {
                // AOSP: from API 29 a repeated request's only refusal is final; from 30 the system stops showing the dialog
                options.put("systemAsksAgain", "false");
                if (changes.isEmpty()) {
                    outcome = "denied for good";
                }
            } else if (changes.isEmpty() && n > 1 && before != null && after != null) {
                // API 23-28: refused again with "Don't ask again" left unticked, so the state (USER_SET) stays as it was
                outcome = "denied again (still refused, the app may ask again)";
            }
        }
        // the device's position accuracy is not known here: the dialog answer says only precise or approximate
        return new ObservedRequest(permission, API, options, at, appPackage, null, true, textBefore == null ? "" : textBefore,
                outcome, answer(changes), null);
    }

    /** Whether the plan's last tap refuses (a checkbox left as it is, or ticked, comes before the refusal itself). */
    private static boolean refuses(AnswerPlan plan) {
        Choice last = plan.taps().get(plan.taps().size() - 1).choice();
        return last == Choice.DENY || last == Choice.DENY_DONT_ASK_AGAIN;
    }

    /**
     * Whether the app asked for precise location: it requested ACCESS_FINE_LOCATION (the diff or dumpsys says so), or the
     * dialog offers the precise/approximate choice, which Android shows only when fine location is requested.
     */
    private static boolean asksPrecise(PermissionDialog dialog, PackageState before) {
        return dialog.offered(Choice.PRECISE).isPresent()
                || before != null && before.requestedPermissions().contains(FINE);
    }

    /** Granted: the app got what it asked for; denied (once or for good): it failed; nothing changed: unknown. */
    private static RequestAnswer answer(List<PermissionChange> changes) {
        if (changes.stream().anyMatch(c -> c.kind() == PermissionChange.Kind.GRANTED)) {
            return RequestAnswer.SUCCEEDED;
        }
        boolean denied = changes.stream().anyMatch(c -> c.kind() == PermissionChange.Kind.DENIED || c.kind() == PermissionChange.Kind.DENIED_FOR_GOOD);
        return denied ? RequestAnswer.FAILED : RequestAnswer.UNKNOWN;
    }

    private String outcome(List<PermissionChange> changes, AnswerPlan plan) {
        String tapped = plan.taps().get(plan.taps().size() - 1).choice().name();
        if (changes.isEmpty()) {
            return "answered " + tapped + " (no runtime permission changed)";
        }
        boolean fine = changes.stream().anyMatch(c -> c.permission().equals(FINE) && c.kind() == PermissionChange.Kind.GRANTED);
        boolean granted = changes.stream().anyMatch(c -> c.kind() == PermissionChange.Kind.GRANTED);
        boolean forGood = changes.stream().anyMatch(c -> c.kind() == PermissionChange.Kind.DENIED_FOR_GOOD);
        boolean denied = changes.stream().anyMatch(c -> c.kind() == PermissionChange.Kind.DENIED);
        if (granted) {
            boolean location = changes.stream().anyMatch(c -> catalogue.groupOf(c.permission()).filter(g -> g.id().equals("LOCATION")).isPresent());
            return location && !fine ? "granted approximate" : "granted";
        }
        return forGood ? "denied for good" : denied ? "denied" : "answered " + tapped;
    }

    /** The package's state now, or null when dumpsys cannot be read (the request is still recorded, its diff unknown). */
    private PackageState state() {
        try {
            return new DumpsysPackageParser().parse(adb.shell("dumpsys package " + appPackage, DUMPSYS), appPackage);
        } catch (AdbException | DeviceOutputException e) {
            return null;
        }
    }
}
