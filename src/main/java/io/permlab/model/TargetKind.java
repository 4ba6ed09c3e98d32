package io.permlab.model;

import java.util.Locale;

/**
 * What a target is: an Android package, a WeChat mini-program, or an H5 web app. UNKNOWN marks an input PermLab
 * could not classify (an unsupported file, a broken target.json); it is never read from a target.json.
 */
public enum TargetKind {
    APK, MINIPROGRAM, H5, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetKind fromId(String id) {
        for (TargetKind k : values()) {
            if (k != UNKNOWN && k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown target kind '" + id + "' (expected apk, miniprogram or h5)");
    }
}
