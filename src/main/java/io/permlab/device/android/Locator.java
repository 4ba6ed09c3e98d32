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
