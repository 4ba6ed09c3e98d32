package io.permlab.device.android;

/** How a session finds an element to tap: by its full resource-id, or by an XPath on the window package and label. */
public record Locator(Kind kind, String value) {
    public enum Kind { RESOURCE_ID, XPATH }

    public static Locator byResourceId(String resourceId) {
        return new Locator(Kind.RESOURCE_ID, resourceId);
    }

    /** {@code //*[@package='p' and @text='label']}, quoting a label that holds an apostrophe the way XPath 1.0 allows. */
    public static Locator byText(String packageName, String label) {
        return new Locator(Kind.XPATH, "//*[@package=" + literal(packageName) + " and @text=" + literal(label) + "]");
    }

    /**
     * Like {@link #byText}, but only outside any WebView: a native sheet's button, never a same-labelled element of the
     * web page under it (UiAutomator2 names page-source elements by class, and a WebView's content lies below its node).
     */
    public static Locator byNativeText(String packageName, String label) {
        return new Locator(Kind.XPATH, "//*[@package=" + literal(packageName) + " and @text=" + literal(label)
                + " and not(ancestor-or-self::*[contains(@class, 'WebView')])]");
    }

    private static String literal(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        if (!s.contains("\"")) {
            return "\"" + s + "\"";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
