package io.permlab.model.apk;

/** The kinds of code weakness that put PI at risk, as the dex security analysis finds them (RULEBASE §9). */
public enum SecurityFlawKind {
    /** X509TrustManager.checkServerTrusted that returns without throwing or delegating: every certificate accepted. */
    TRUST_ALL_CERTIFICATES,
    /** HostnameVerifier.verify that returns the constant true: every host name accepted. */
    ACCEPT_ALL_HOSTNAMES,
    /** SslErrorHandler.proceed() called (WebViewClient.onReceivedSslError): the page loads despite a bad certificate. */
    SSL_ERROR_PROCEED,
    /** WebView.addJavascriptInterface call site; dangerous only on old platforms, which the rule decides from the SDK levels. */
    JAVASCRIPT_INTERFACE,
    /** A file, preferences or database opened with MODE_WORLD_READABLE (1) or MODE_WORLD_WRITEABLE (2). */
    WORLD_ACCESSIBLE_FILE,
    /** Cipher.getInstance with a block cipher in ECB mode, named or by default ("AES"). */
    ECB_CIPHER,
    /** SecretKeySpec built from a constant string's bytes or a constant byte array. */
    CONSTANT_KEY,
    /** SharedPreferences.Editor.putString under a key that names personal information (plaintext storage of PI). */
    PI_IN_PREFERENCES
}
