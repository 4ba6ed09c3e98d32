package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** A file, preferences or database created readable or writable by every other app (MODE_WORLD_*, CWE-732). */
public final class WorldReadableFileRule extends SecurityFlawRule {
    public WorldReadableFileRule() {
        super(SecurityFlawKind.WORLD_ACCESSIBLE_FILE);
    }

    @Override
    public String id() {
        return "APK-WORLD-READABLE-FILE";
    }
}
