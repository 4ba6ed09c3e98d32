package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** An encryption key built into the code (CWE-321): whoever has the APK can decrypt what it protects. */
public final class ConstantKeyRule extends SecurityFlawRule {
    public ConstantKeyRule() {
        super(SecurityFlawKind.CONSTANT_KEY);
    }

    @Override
    public String id() {
        return "APK-CONSTANT-KEY";
    }
}
