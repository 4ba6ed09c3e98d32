package io.permlab.device.web;

import io.permlab.model.flow.Locator;
import org.openqa.selenium.By;

/**
 * Flow locators as WebDriver queries. Ids and accessibility ids become CSS (Appium's Chromium driver does not
 * support By.id), which also reaches into open shadow roots; text matches the innermost element whose whole visible
 * text is the given text (XPath: the document's own tree only).
 */
final class Locators {
    private Locators() {
    }

    static By by(Locator l) {
        return switch (l.kind()) {
            case CSS -> new ShadowPiercingCss(l.value());
            case ID -> new ShadowPiercingCss("[id=" + cssString(l.value()) + "]");
            case ACCESSIBILITY_ID -> new ShadowPiercingCss("[aria-label=" + cssString(l.value()) + "]");
            case XPATH -> By.xpath(l.value());
            case TEXT -> By.xpath("//*[normalize-space(.)=" + xpathString(l.value()) + " and not(*[normalize-space(.)="
                    + xpathString(l.value()) + "])]");
            // a browser has no UiAutomator: the driver's own error type, so the step fails with this reason
            case UI_SELECTOR -> throw new org.openqa.selenium.InvalidSelectorException("uiSelector locators work on Android apps only: " + l);
        };
    }

    static String cssString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An XPath 1.0 string literal for any text, quotes included (XPath has no escapes). */
    static String xpathString(String s) {
        String t = s.trim();
        if (!t.contains("'")) {
            return "'" + t + "'";
        }
        if (!t.contains("\"")) {
            return "\"" + t + "\"";
        }
        return "concat('" + t.replace("'", "',\"'\",'") + "')";
    }
}
