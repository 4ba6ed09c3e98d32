package io.permlab.capture;

import java.util.Locale;

/** Which bodies are text worth scanning: JSON, HTML, plain text, JavaScript, XML, forms. Not CSS, images or fonts. */
final class Mime {
    private Mime() {
    }

    static boolean isText(String mime) {
        if (mime == null || mime.isBlank()) {
            return false;
        }
        String m = mime.toLowerCase(Locale.ROOT);
        if (m.startsWith("text/css")) {
            return false;
        }
        return m.startsWith("text/") || m.contains("json") || m.contains("javascript") || m.contains("ecmascript")
                || m.contains("xml") || m.contains("x-www-form-urlencoded") || m.contains("graphql");
    }

    /** Bodies that cannot hold readable PI: media, fonts, archives, binary streams, style sheets. */
    static boolean isBinaryOrStyle(String mime) {
        if (mime == null || mime.isBlank()) {
            return false;
        }
        String m = mime.toLowerCase(Locale.ROOT);
        return m.startsWith("image/") || m.startsWith("audio/") || m.startsWith("video/") || m.startsWith("font/")
                || m.startsWith("text/css") || m.contains("octet-stream") || m.contains("font") || m.contains("zip")
                || m.contains("pdf") || m.contains("wasm") || m.contains("protobuf");
    }

    static boolean is(String mime, String part) {
        return mime != null && mime.toLowerCase(Locale.ROOT).contains(part);
    }
}
