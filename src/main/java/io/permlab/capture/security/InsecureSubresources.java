package io.permlab.capture.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The http:// URLs an HTML document loads as part of itself: src of script, img, iframe, audio, video, source, embed,
 * track; href of a stylesheet link; data of an object. Links the user follows (a href, form action) are navigations,
 * not mixed content, and are not listed.
 */
final class InsecureSubresources {
    private static final int MAX = 50;
    private static final Pattern TAG = Pattern.compile("(?is)<(script|img|iframe|frame|audio|video|source|embed|track|link|object)\\b([^>]*)>");
    private static final Pattern URL_ATTR = Pattern.compile("(?is)\\b(src|href|data)\\s*=\\s*([\"']?)(http://[^\"'\\s>]+)\\2");
    private static final Pattern STYLESHEET = Pattern.compile("(?is)\\brel\\s*=\\s*[\"']?[^\"'>]*stylesheet");

    private InsecureSubresources() {
    }

    static List<String> in(String html) {
        Set<String> out = new LinkedHashSet<>();
        if (html == null) {
            return List.of();
        }
        Matcher tag = TAG.matcher(html);
        while (tag.find() && out.size() < MAX) {
            String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
            String attrs = tag.group(2);
            if (name.equals("link") && !STYLESHEET.matcher(attrs).find()) {
                continue;
            }
            Matcher a = URL_ATTR.matcher(attrs);
            while (a.find()) {
                String attr = a.group(1).toLowerCase(java.util.Locale.ROOT);
                boolean fits = name.equals("link") ? attr.equals("href") : name.equals("object") ? attr.equals("data") : attr.equals("src");
                if (fits) {
                    out.add(a.group(3));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
