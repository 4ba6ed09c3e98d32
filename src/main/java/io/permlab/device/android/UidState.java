package io.permlab.device.android;

/**
 * The process state an app op was noted in ({@code dumpsys appops}, Android 10+), from AOSP
 * AppOpsManager.UID_STATE_NAMES. UNKNOWN when the output carries none ({@code appops get}).
 */
public enum UidState {
    PERSISTENT("pers"), TOP("top"), FOREGROUND_SERVICE_LOCATION("fgsvcl"), FOREGROUND_SERVICE("fgsvc"),
    FOREGROUND("fg"), BACKGROUND("bg"), CACHED("cch"), UNKNOWN("");

    private final String code;

    UidState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Not visible to the user and not a foreground service: use in this state is use "in the background". */
    public boolean background() {
        return this == BACKGROUND || this == CACHED;
    }

    static UidState of(String code) {
        for (UidState state : values()) {
            if (state != UNKNOWN && state.code.equals(code)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
