package io.permlab.report.html;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stylesheet a generated page carries, read well enough to ask what a selector gets: a rule's declarations by
 * its exact selector, at the top level or inside one @media block, later rules winning as in the browser. Enough for
 * the report's own flat stylesheet; not a CSS engine (no specificity, no selector matching).
 */
final class PageStyle {
    /** The phone layout's media condition in style.css. */
    static final String PHONE = "(max-width: 48rem)";

    private final String css;

    private PageStyle(String css) {
        this.css = css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    static PageStyle of(String html) {
        int start = html.indexOf("<style>");
        int end = html.indexOf("</style>", start);
        if (start < 0 || end < 0) {
            throw new AssertionError("the page has no <style> block");
        }
        return new PageStyle(html.substring(start + "<style>".length(), end));
    }

    /** Declarations for {@code selector} outside any @media block. */
    Map<String, String> top(String selector) {
        return declarations(topLevel(), selector);
    }

    /** Declarations for {@code selector} inside {@code @media condition}. */
    Map<String, String> at(String condition, String selector) {
        String marker = "@media " + condition;
        int at = css.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no " + marker + " in the page's style");
        }
        int open = css.indexOf('{', at);
        return declarations(css.substring(open + 1, matching(open)), selector);
    }

    private String topLevel() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < css.length()) {
            int media = css.indexOf("@media", i);
            if (media < 0) {
                sb.append(css, i, css.length());
                break;
            }
            sb.append(css, i, media);
            i = matching(css.indexOf('{', media)) + 1;
        }
        return sb.toString();
    }

    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced braces in the page's style");
    }

    private static Map<String, String> declarations(String block, String selector) {
        Map<String, String> found = new LinkedHashMap<>();
        int i = 0;
        while (true) {
            int open = block.indexOf('{', i);
            if (open < 0) {
                return found;
            }
            int close = block.indexOf('}', open);
            boolean applies = false;
            for (String s : block.substring(i, open).split(",")) {
                applies |= s.trim().replaceAll("\\s+", " ").equals(selector);
            }
            if (applies) {
                for (String d : block.substring(open + 1, close).split(";")) {
                    int colon = d.indexOf(':');
                    if (colon > 0) {
                        found.put(d.substring(0, colon).trim(), d.substring(colon + 1).trim());
                    }
                }
            }
            i = close + 1;
        }
    }
}
