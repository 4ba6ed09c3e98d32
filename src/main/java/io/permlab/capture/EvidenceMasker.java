package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks PI in any text a report or log shows. URLs inside the text are masked the way the HAR masks them — by what
 * their parameters are named as well as by what the values look like, so {@code lat=31.230416&lng=121.473701} is
 * masked although neither number alone looks like PI — and the rest of the text by value.
 */
public final class EvidenceMasker {
    /** A URL as it appears in a message or excerpt: up to whitespace, a quote or an angle bracket. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?)://[^\\s\"'<>`]+");

    private EvidenceMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(PiDetector.mask(text.substring(last, m.start()))).append(maskUrl(m.group()));
            last = m.end();
        }
        return out.append(PiDetector.mask(text.substring(last))).toString();
    }

    /** One URL: path and query through {@link UrlScan}; the fragment, which UrlScan leaves out, by value. */
    private static String maskUrl(String url) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        return UrlScan.of(url, "url").masked() + PiDetector.mask(fragment);
    }
}
