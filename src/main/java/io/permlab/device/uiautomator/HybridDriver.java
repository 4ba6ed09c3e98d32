package io.permlab.device.uiautomator;

import io.permlab.exercise.SessionException;

import java.util.Set;

/**
 * A {@link DeviceDriver} that can also look into an app's WebViews: Appium's contexts ({@code NATIVE_APP},
 * {@code WEBVIEW_<process>}), as io.appium java-client's {@code SupportsContextSwitching} offers them. In a WEBVIEW
 * context find, tap and type take web locators (css, id, text, xpath) and act through the WebView's chromedriver;
 * dialog choices and native page sources need {@link #NATIVE}.
 */
public interface HybridDriver extends DeviceDriver {
    String NATIVE = "NATIVE_APP";

    /** The contexts the device offers now: NATIVE_APP and one WEBVIEW_… per debuggable WebView process with pages. */
    Set<String> contexts() throws SessionException;

    String context() throws SessionException;

    void switchTo(String context) throws SessionException;
}
