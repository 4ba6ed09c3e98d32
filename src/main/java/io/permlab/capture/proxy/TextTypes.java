package io.permlab.capture.proxy;

import java.util.Locale;

/**
 * Response types whose bodies the proxy keeps, as the browser recorder does: text, JSON, JavaScript, XML, forms.
 * Media, fonts and binary streams are counted but not kept.
 */
final class TextTypes {
    private TextTypes() {
    }

    static boolean isText(String mime) {
        String m = mime == null ? "" : mime.toLowerCase(Locale.ROOT);
        return m.startsWith("text/") || m.contains("json") || m.contains("javascript") || m.contains("xml")
                || m.contains("x-www-form-urlencoded") || m.contains("graphql");
    }
}
