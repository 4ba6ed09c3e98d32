package io.permlab.rules.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SecurityFlawKind;

/**
 * addJavascriptInterface in an app that runs on, or targets, Android below 4.2 (API 17, JELLY_BEAN_MR1): there every
 * public method of the bridged object, getClass() included, is reachable from the page's script, so any page the
 * WebView loads can run code in the app (CVE-2012-6636, CWE-749). From 17 on only @JavascriptInterface methods are.
 */
public final class JavascriptInterfaceRule extends SecurityFlawRule {
    static final int JELLY_BEAN_MR1 = 17;

    public JavascriptInterfaceRule() {
        super(SecurityFlawKind.JAVASCRIPT_INTERFACE);
    }

    @Override
    public String id() {
        return "APK-JS-INTERFACE-OLD-SDK";
    }

    @Override
    boolean applies(ApkFacts apk) {
        int min = apk.minSdk() == null ? 1 : apk.minSdk();
        return min < JELLY_BEAN_MR1 || apk.effectiveTargetSdk() < JELLY_BEAN_MR1;
    }
}
