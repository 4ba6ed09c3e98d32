package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** A host-name verifier that accepts every host (CWE-297): any valid certificate, for any site, is taken for the server's. */
public final class HostnameAllowAllRule extends SecurityFlawRule {
    public HostnameAllowAllRule() {
        super(SecurityFlawKind.ACCEPT_ALL_HOSTNAMES);
    }

    @Override
    public String id() {
        return "APK-HOSTNAME-ALLOW-ALL";
    }
}
