package io.permlab.device.android;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the system permission dialog of one Android version lets a user express, from the AOSP permission controller's
 * behaviour (docs/android-devices.md, "What each Android version offers"): runtime dialogs from API 23, one-time grants
 * for location, camera and microphone from 30, the approximate-location choice from 31; a second request offers a
 * "Don't ask again" checkbox on 23–28 (a refusing user leaves it unticked, the app may ask again), while from 29 the
 * plain refusal of a second request is replaced by one that is final (USER_FIXED), and from 30 the system shows no
 * dialog at all after it. An unknown version (the device's could not be read) claims nothing: the dialog decides.
 */
public final class ApiLevelAnswers {
    /** Runtime permissions exist from Android 6; below, everything is granted at install. */
    static final int RUNTIME_DIALOGS = 23;
    /** Android 10: the second request's refusal is "Deny & don't ask again" (the plain Deny is hidden once USER_SET). */
    static final int FINAL_SECOND_REFUSAL = 29;
    /** Android 11: "Only this time", and a second refusal ends the dialogs (the label becomes "Don't allow"). */
    static final int ONE_TIME_AND_NO_THIRD_DIALOG = 30;
    /** Android 12: precise or approximate location in the location dialog. */
    static final int APPROXIMATE_LOCATION = 31;
    private static final Set<String> ONE_TIME_GROUPS = Set.of("LOCATION", "CAMERA", "MICROPHONE");
    /** Groups whose dialog appeared after API 23: activity recognition 29, nearby devices 31, notifications and media 33. */
    private static final Map<String, Integer> GROUP_SINCE = Map.of("ACTIVITY_RECOGNITION", 29, "NEARBY_DEVICES", 31,
            "NOTIFICATIONS", 33, "PHOTOS_VIDEOS", 33, "MUSIC_AUDIO", 33);

    /** How the refusal of a repeated request (the second or later) is offered and what it does. */
    public enum RepeatedRefusal {
        /** API 23–28: "Deny" with a "Don't ask again" checkbox the refusing user leaves unticked; the app may ask again. */
        CHECKBOX_LEFT_UNTICKED,
        /** API 29: only "Deny & don't ask again": the refusal is final; the app's later requests are denied silently. */
        DENY_AND_DONT_ASK_AGAIN,
        /** API 30+: "Don't allow" on the second request is final; the system shows no dialog for later requests. */
        SECOND_DENIAL_FINAL,
        /** The version is not known: what the dialog offers decides. */
        UNKNOWN
    }

    private final Integer apiLevel;

    private ApiLevelAnswers(Integer apiLevel) {
        this.apiLevel = apiLevel;
    }

    public static ApiLevelAnswers of(int apiLevel) {
        return new ApiLevelAnswers(apiLevel);
    }

    /** A device whose version could not be read. */
    public static ApiLevelAnswers unknown() {
        return new ApiLevelAnswers(null);
    }

    public Optional<Integer> apiLevel() {
        return Optional.ofNullable(apiLevel);
    }

    private boolean atLeast(int level) {
        return apiLevel != null && apiLevel >= level;
    }

    private boolean below(int level) {
        return apiLevel != null && apiLevel < level;
    }

    /** Whether the system asks at run time at all (false below API 23: every permission is granted at install). */
    public boolean asksAtRuntime() {
        return !below(RUNTIME_DIALOGS);
    }

    public boolean offersApproximateLocation() {
        return atLeast(APPROXIMATE_LOCATION);
    }

    /** "Only this time": API 30+, for location, camera and microphone only. */
    public boolean offersOneTime(String group) {
        return atLeast(ONE_TIME_AND_NO_THIRD_DIALOG) && ONE_TIME_GROUPS.contains(group);
    }

    /** Whether this version has a runtime dialog for the group (notifications only from 33, say). */
    public boolean hasDialogFor(String group) {
        return !below(GROUP_SINCE.getOrDefault(group, RUNTIME_DIALOGS));
    }

    public RepeatedRefusal repeatedRefusal() {
        if (apiLevel == null) {
            return RepeatedRefusal.UNKNOWN;
        }
        if (apiLevel >= ONE_TIME_AND_NO_THIRD_DIALOG) {
            return RepeatedRefusal.SECOND_DENIAL_FINAL;
        }
        return apiLevel >= FINAL_SECOND_REFUSAL ? RepeatedRefusal.DENY_AND_DONT_ASK_AGAIN : RepeatedRefusal.CHECKBOX_LEFT_UNTICKED;
    }

    /** Whether the {@code n}th refusal (counted from 1 within a run) leaves the group denied for good. */
    public boolean refusalIsFinal(int n) {
        return n >= 2 && atLeast(FINAL_SECOND_REFUSAL);
    }

    /**
     * Whether the system still shows a dialog when the app asks again after {@code refusals} refusals: not after a
     * final one, so a run that sees no further dialog has seen the system refuse silently, not the app stay quiet.
     */
    public boolean showsDialogAfter(int refusals) {
        return !refusalIsFinal(refusals);
    }

    /**
     * Why this version's dialog cannot carry a policy out for a group, if it cannot: approximate location before API 31.
     * The run is then inconclusive, never judged.
     */
    public Optional<String> cannotExpress(DialogPolicy policy, String group) {
        if (policy == DialogPolicy.GRANT_APPROXIMATE && "LOCATION".equals(group) && below(APPROXIMATE_LOCATION)) {
            return Optional.of("approximate location cannot be expressed on this Android version (API " + apiLevel
                    + "): the location dialog offers no approximate choice before API 31 (Android 12)");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return apiLevel == null ? "API unknown" : "API " + apiLevel;
    }
}
