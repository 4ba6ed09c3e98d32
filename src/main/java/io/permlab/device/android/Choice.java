package io.permlab.device.android;

/** What tapping one element of a permission dialog does. */
public enum Choice {
    /** Grant (the only grant of a non-location dialog, or "Allow all" photos). */
    ALLOW,
    /** Location "Allow all the time" (background included). */
    ALLOW_ALWAYS,
    /** "While using the app" / 仅在使用中允许. */
    ALLOW_FOREGROUND,
    /** "Only this time" / 仅限这一次 / 本次运行允许. */
    ALLOW_ONE_TIME,
    /** "Select photos and videos" (Android 14 partial media access). */
    ALLOW_LIMITED,
    DENY,
    /** A refusal that ends further prompts (Android 10's button; on 11+ the second "Don't allow"). */
    DENY_DONT_ASK_AGAIN,
    /** The "Don't ask again" checkbox of Android 6-9 and some skins: ticked, then DENY. */
    DONT_ASK_AGAIN_TOGGLE,
    /** Android 12+ location accuracy radio buttons. */
    PRECISE, APPROXIMATE;

    boolean grants() {
        return this == ALLOW || this == ALLOW_ALWAYS || this == ALLOW_FOREGROUND || this == ALLOW_ONE_TIME || this == ALLOW_LIMITED;
    }
}
