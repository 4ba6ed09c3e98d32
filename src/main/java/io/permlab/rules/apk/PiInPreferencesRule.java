package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** Personal information stored in SharedPreferences as plain text under a key that names it (CWE-312). */
public final class PiInPreferencesRule extends SecurityFlawRule {
    public PiInPreferencesRule() {
        super(SecurityFlawKind.PI_IN_PREFERENCES);
    }

    @Override
    public String id() {
        return "APK-PI-IN-PREFERENCES";
    }
}
