package io.permlab.device.uiautomator;

import io.permlab.exercise.SessionException;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Appium context a WeChat session is in: NATIVE_APP, where WeChat's sheets and page sources are, or the program's
 * appbrand WebView, where flow steps act. Switches only when needed (each switch is a round trip, the first one into a
 * WebView starts its chromedriver).
 */
final class WeChatContexts {
    private final HybridDriver driver;
    private final Pattern programContext;
    private String webContext;
    private String current;

    WeChatContexts(HybridDriver driver, String wechatPackage) {
        this.driver = driver;
        this.programContext = pattern(wechatPackage);
    }

    /** {@code WEBVIEW_com.tencent.mm:appbrand}, {@code …:appbrand0} … {@code …:appbrand4}: a mini-program's process. */
    static Pattern pattern(String wechatPackage) {
        return Pattern.compile("WEBVIEW_" + Pattern.quote(wechatPackage) + ":appbrand\\d*");
    }

    /** Forgets the program's context (the program is being opened again). */
    void reset() {
        webContext = null;
        current = null;
    }

    boolean programOpen() {
        return webContext != null;
    }

    /** Looks for the program's context among those the device offers now; remembers it when found. */
    boolean findProgram(Set<String> offered) {
        webContext = offered.stream().filter(c -> programContext.matcher(c).matches()).sorted().findFirst().orElse(null);
        return webContext != null;
    }

    String nativeSource() throws SessionException {
        inNative();
        return driver.pageSource();
    }

    void inNative() throws SessionException {
        if (!HybridDriver.NATIVE.equals(current)) {
            driver.switchTo(HybridDriver.NATIVE);
            current = HybridDriver.NATIVE;
        }
    }

    void inProgram() throws SessionException {
        if (webContext == null) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the mini-program is not open");
        }
        if (!webContext.equals(current)) {
            driver.switchTo(webContext);
            current = webContext;
        }
    }
}
