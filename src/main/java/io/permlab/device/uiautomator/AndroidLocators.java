package io.permlab.device.uiautomator;

import io.appium.java_client.AppiumBy;
import io.permlab.exercise.SessionException;
import io.permlab.model.flow.Locator;
import org.openqa.selenium.By;

/**
 * Flow locators as UiAutomator2 queries: {@code id} is a resource id (the app's package is prefixed by the driver when
 * the value has none), {@code accessibilityId} the content-desc, {@code text} the exact text, {@code uiSelector} a
 * UiSelector expression, {@code xpath} as written. CSS has no meaning in a native view tree.
 */
final class AndroidLocators {
    private AndroidLocators() {
    }

    static By by(Locator l) throws SessionException {
        return switch (l.kind()) {
            case ID -> AppiumBy.id(l.value());
            case ACCESSIBILITY_ID -> AppiumBy.accessibilityId(l.value());
            case TEXT -> AppiumBy.androidUIAutomator("new UiSelector().text(" + javaString(l.value().trim()) + ")");
            case UI_SELECTOR -> AppiumBy.androidUIAutomator(l.value());
            case XPATH -> By.xpath(l.value());
            case CSS -> throw new SessionException(SessionException.Kind.SESSION_ERROR,
                    "a css locator (" + l + ") has no meaning in an Android app: use id, accessibilityId, text, uiSelector or xpath");
        };
    }

    /** A Java string literal, as UiSelector expressions take them. */
    static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
