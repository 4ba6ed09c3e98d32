package io.permlab.device.android;

/** An app-op mode as AOSP's AppOpsManager.modeToName prints it; OTHER keeps a vendor or numeric mode visible. */
public enum OpMode {
    ALLOW, IGNORE, DENY, DEFAULT, FOREGROUND, OTHER;

    static OpMode of(String printed) {
        return switch (printed) {
            case "allow" -> ALLOW;
            case "ignore" -> IGNORE;
            case "deny" -> DENY;
            case "default" -> DEFAULT;
            case "foreground" -> FOREGROUND;
            default -> OTHER;
        };
    }
}
