package io.permlab.rules.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.EvidencePointer;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Android rules read from the runs: which permission group (android-permissions.json's names) a system
 * permission dialog was for, where a refused run refused, and whether a run ran its course. A dialog's group comes
 * from the dialog itself ("group" option), else from the permissions the dumpsys diff saw change, else from the
 * request's id (docs/android-evidence.md).
 */
final class AndroidPrompts {
    /** The API name the Android session gives a system permission dialog it answered (device.uiautomator.PromptAnswerer). */
    static final String DIALOG_API = "android-permission-dialog";
    /** permission-dialogs.json names three groups differently from android-permissions.json. */
    private static final Map<String, String> DIALOG_GROUP_ALIASES = Map.of(
            "PHOTOS_VIDEOS", "READ_MEDIA_VISUAL", "MUSIC_AUDIO", "READ_MEDIA_AURAL", "BODY_SENSORS", "SENSORS");
    /** The ids the explorer shares with browser prompts (device.uiautomator.PermissionIds), back to their groups. */
    private static final Map<String, Set<String>> GROUPS_OF_ID = Map.of(
            "geolocation", Set.of("LOCATION"), "camera", Set.of("CAMERA"), "microphone", Set.of("MICROPHONE"),
            "notifications", Set.of("NOTIFICATIONS"), "sensors", Set.of("ACTIVITY_RECOGNITION", "SENSORS"));

    private AndroidPrompts() {
    }

    static boolean isDialog(PermissionRequest r) {
        return DIALOG_API.equals(r.api());
    }

    /** The permission groups a dialog asked for; empty when nothing tells. */
    static Set<String> groups(PermissionRequest r, KnowledgeBase kb) {
        String group = r.options().getOrDefault("group", "");
        if (!group.isBlank()) {
            return Set.of(DIALOG_GROUP_ALIASES.getOrDefault(group, group));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String change : r.options().getOrDefault("permissionChanges", "").split(",")) {
            int colon = change.indexOf(':');
            String name = colon > 0 ? change.substring(0, colon) : change;
            kb.permission(name.trim()).map(PermissionInfo::group).ifPresent(out::add);
        }
        return out.isEmpty() ? groupsOfId(r.permission()) : out;
    }

    /** The groups behind an explorer id: "geolocation" is LOCATION, "android:contacts" CONTACTS. */
    static Set<String> groupsOfId(String id) {
        if (id == null || id.equals("android:unknown")) {
            return Set.of();
        }
        if (id.startsWith("android:")) {
            return Set.of(id.substring("android:".length()).toUpperCase(Locale.ROOT));
        }
        return GROUPS_OF_ID.getOrDefault(id, Set.of());
    }

    /** The group of an Android permission in the catalogue, or null when the catalogue does not know it. */
    static String group(String permission, KnowledgeBase kb) {
        return kb.permission(permission).map(PermissionInfo::group).orElse(null);
    }

    /** The dialogs of the run's refused permission, in order. */
    static List<PermissionRequest> refusedAsks(Run run) {
        return run.requests().stream().filter(AndroidPrompts::isDialog)
                .filter(r -> r.permission().equals(run.policy().permission())).toList();
    }

    /** Index in {@code asked} of the first dialog that was refused (the app got a failure), or -1. */
    static int firstRefusal(List<PermissionRequest> asked) {
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).answer() == RequestAnswer.FAILED) {
                return i;
            }
        }
        return -1;
    }

    /** The first refused dialog of a run that {@link #refusedAndConclusive refused}. */
    static PermissionRequest refusal(Run run) {
        List<PermissionRequest> asked = refusedAsks(run);
        return asked.get(firstRefusal(asked));
    }

    /** A run that refuses one permission, ran its course, and in which a dialog for it was refused. */
    static boolean refusedAndConclusive(Run run) {
        return run.policy().kind() == RunPolicy.Kind.DENY && !run.inconclusive() && firstRefusal(refusedAsks(run)) >= 0;
    }

    /** The baseline ran its course and reached the checkpoint: the function works when nothing is refused. */
    static boolean completed(Run baseline) {
        return baseline != null && !baseline.inconclusive() && baseline.passed();
    }

    /**
     * Every function was explored to a verdict: each run that was cut short has a retry that was not, and the device's
     * facts of every such run were read. Otherwise what was not seen cannot be said to be absent.
     */
    static boolean conclusive(Exploration x, DeviceEvidence device) {
        if (x.functions().isEmpty()) {
            return false;
        }
        for (FunctionExploration f : x.functions()) {
            if (f.baseline() == null) {
                return false;
            }
            for (Run r : f.runs()) {
                boolean counts = !r.inconclusive();
                boolean retried = f.runs().stream().anyMatch(t -> r.id().equals(t.retryOf()) && !t.inconclusive());
                if (!counts && !retried) {
                    return false;
                }
                if (counts && device.of(f.functionId(), r.id()).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    static EvidencePointer dialog(Run run, PermissionRequest r) {
        return EvidencePointer.inRun(run.id(), "permission-request", r.screenshot(), run.id() + " step " + io.permlab.model.flow.Step.number(r.stepIndex())
                + (r.afterRelaunch() ? " (relaunch)" : ""), r.api() + " " + r.options().getOrDefault("group", r.permission())
                + " -> " + r.outcome());
    }

    static EvidencePointer failure(Run run) {
        return run.steps().stream().filter(s -> !s.ok()).findFirst()
                .map(s -> EvidencePointer.inRun(run.id(), "screenshot", s.screenshot(), run.id() + " step " + io.permlab.model.flow.Step.number(s.index()), s.description() + ": " + s.error()))
                .orElse(EvidencePointer.inRun(run.id(), "screenshot", run.checkpoint().screenshot(), run.id() + " checkpoint",
                        "not reached: " + run.checkpoint().description() + " — " + run.checkpoint().detail()));
    }
}
