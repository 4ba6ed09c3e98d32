package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** A trust manager whose checkServerTrusted accepts every certificate chain (CWE-295): anyone on the path reads the TLS traffic. */
public final class TrustAllCertificatesRule extends SecurityFlawRule {
    public TrustAllCertificatesRule() {
        super(SecurityFlawKind.TRUST_ALL_CERTIFICATES);
    }

    @Override
    public String id() {
        return "APK-TRUST-ALL-CERTS";
    }
}
