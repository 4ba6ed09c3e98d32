package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** A block cipher in ECB mode, named or by default ("AES"): equal plaintext blocks stay equal (CWE-327). */
public final class EcbCipherRule extends SecurityFlawRule {
    public EcbCipherRule() {
        super(SecurityFlawKind.ECB_CIPHER);
    }

    @Override
    public String id() {
        return "APK-ECB-CIPHER";
    }
}
