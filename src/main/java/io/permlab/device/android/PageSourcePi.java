package io.permlab.device.android;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal information in a UiAutomator2 page source, as the shared PI masker sees it (the masker is passed in: the
 * device layer does not know the capture package). {@link #masked} writes the page source with every text-bearing
 * attribute masked and its layout untouched, for page sources kept as evidence; {@link #regions} gives the on-screen
 * bounds ({@code bounds="[x1,y1][x2,y2]"}) of the views whose text or description the masker changes, so a
 * screenshot taken with it can be painted over (docs/android-devices.md, "Masking device artifacts").
 */
public final class PageSourcePi {
    /** Attributes that describe the view, never what it shows: left as they are. */
    private static final Set<String> STRUCTURAL = Set.of("index", "package", "class", "resource-id", "checkable", "checked",
            "clickable", "enabled", "focusable", "focused", "long-clickable", "password", "scrollable", "selected", "bounds",
            "displayed", "rotation", "width", "height", "a11y-important", "screen-reader-focusable", "drawing-order",
            "showing-hint", "text-entry-key", "dismissable", "a11y-focused", "heading", "live-region", "context-clickable",
            "content-invalid", "max-text-length", "window-id", "version", "encoding", "standalone");
    /** The attributes a user reads on screen (text) or hears (content-desc, hint). */
    private static final List<String> SHOWN = List.of("text", "content-desc", "hint");
    /** One attribute as UiAutomator2 serialises it: name="value", the value XML-escaped, never holding a double quote. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
    private static final Pattern BOUNDS = Pattern.compile("\\[(-?\\d+),(-?\\d+)]\\[(-?\\d+),(-?\\d+)]");

    /** A view's rectangle in screen pixels, right and bottom exclusive as Android's Rect. */
    public record Bounds(int left, int top, int right, int bottom) {
    }

    /**
     * Where PI is shown, the size of the screen the bounds refer to (0 when the source does not say), and how many views
     * showing PI had no readable bounds (a screenshot of them cannot be masked).
     */
    public record Regions(int screenWidth, int screenHeight, List<Bounds> bounds, int unlocated) {
        public Regions {
            bounds = List.copyOf(bounds);
        }

        public boolean isEmpty() {
            return bounds.isEmpty() && unlocated == 0;
        }
    }

    private PageSourcePi() {
    }

    /**
     * The page source with the values of its text-bearing attributes masked, everything else byte for byte as read. A
     * masked value that would break the XML (a quote, an angle bracket) is escaped.
     */
    public static String masked(String xml, UnaryOperator<String> mask) {
        Matcher m = ATTRIBUTE.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String name = m.group(1);
            String value = STRUCTURAL.contains(name) ? m.group(2) : escape(mask.apply(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(name + "=\"" + value + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The bounds of every view whose text, description or hint the masker would change. */
    public static Regions regions(String xml, UnaryOperator<String> mask) {
        Element root = PageSource.root(xml, "page source");
        List<Bounds> found = new ArrayList<>();
        int[] unlocated = {0};
        collect(root, mask, found, unlocated);
        return new Regions(number(root, "width"), number(root, "height"), found, unlocated[0]);
    }

    private static void collect(Element e, UnaryOperator<String> mask, List<Bounds> found, int[] unlocated) {
        boolean pi = SHOWN.stream().map(e::getAttribute).anyMatch(v -> !v.isEmpty() && !v.equals(mask.apply(v)));
        if (pi) {
            Matcher b = BOUNDS.matcher(e.getAttribute("bounds"));
            if (b.matches()) {
                found.add(new Bounds(Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)), Integer.parseInt(b.group(3)),
                        Integer.parseInt(b.group(4))));
            } else {
                unlocated[0]++;
            }
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                collect(element, mask, found, unlocated);
            }
        }
    }

    private static int number(Element e, String attribute) {
        try {
            return Integer.parseInt(e.getAttribute(attribute));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String escape(String value) {
        return value.replace("\"", "&quot;").replace("<", "&lt;");
    }
}
