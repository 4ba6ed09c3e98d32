package io.permlab.rules.apk;

import io.permlab.model.apk.SecurityFlawKind;

/** A WebView that loads the page anyway when its certificate is bad (onReceivedSslError calls proceed(), CWE-295). */
public final class SslErrorProceedRule extends SecurityFlawRule {
    public SslErrorProceedRule() {
        super(SecurityFlawKind.SSL_ERROR_PROCEED);
    }

    @Override
    public String id() {
        return "APK-SSL-ERROR-PROCEED";
    }
}
