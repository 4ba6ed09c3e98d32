package io.permlab.model;

import java.util.Locale;

/** What a target is: an Android package, a WeChat mini-program, or an H5 web app. */
public enum TargetKind {
    APK, MINIPROGRAM, H5;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetKind fromId(String id) {
        for (TargetKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown target kind '" + id + "' (expected apk, miniprogram or h5)");
    }
}
