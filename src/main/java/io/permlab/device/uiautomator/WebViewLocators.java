package io.permlab.device.uiautomator;

import io.permlab.exercise.SessionException;
import io.permlab.model.flow.Locator;
import org.openqa.selenium.By;

/**
 * Flow locators inside a WebView context (a mini-program's page under chromedriver): css and xpath as written, id as
 * the element id, text as an element whose own text is exactly it, accessibilityId as the aria-label. A UiSelector
 * means nothing in a web page.
 */
final class WebViewLocators {
    private WebViewLocators() {
    }

    static By by(Locator l) throws SessionException {
        return switch (l.kind()) {
            case CSS -> By.cssSelector(l.value());
            case ID -> By.id(l.value());
            case XPATH -> By.xpath(l.value());
            case TEXT -> By.xpath("//*[text()[normalize-space(.)=" + literal(l.value().trim()) + "]]");
            case ACCESSIBILITY_ID -> By.cssSelector("[aria-label=" + AndroidLocators.javaString(l.value()) + "]");
            case UI_SELECTOR -> throw new SessionException(SessionException.Kind.SESSION_ERROR,
                    "a uiSelector locator (" + l + ") has no meaning in a mini-program's WebView: use css, id, text or xpath");
        };
    }

    /** An XPath 1.0 string literal, concat() when the text holds both quote kinds. */
    static String literal(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
