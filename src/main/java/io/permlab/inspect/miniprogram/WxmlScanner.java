package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.WxmlHook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes of a page's or component's WXML that tie code to the user: event bindings (bindtap="save",
 * catch:tap, bindsubmit, bindgetphonenumber...) and open-type buttons (getPhoneNumber, agreePrivacyAuthorization).
 * A tag scanner, not an XML parser: WXML is not well-formed XML ({{ }} expressions, unquoted attributes), and these
 * attributes are all that is needed. Comments are blanked first so commented-out buttons do not count.
 */
final class WxmlScanner {
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<([A-Za-z][\\w-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=>/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern EVENT = Pattern.compile("(?:capture-)?(?:bind|catch|mut-bind):?[a-z]+");

    /** The open-type values that matter to personal information and consent. */
    static final List<String> OPEN_TYPES = List.of("getPhoneNumber", "getRealtimePhoneNumber", "agreePrivacyAuthorization",
            "chooseAvatar", "getUserInfo");

    private WxmlScanner() {
    }

    static List<WxmlHook> scan(String owner, SourceText source) {
        String text = blankComments(source.text());
        List<WxmlHook> hooks = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String element = tag.group(1);
            int attrsStart = tag.start(2);
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                String name = a.group(1);
                String value = unquote(a.group(2));
                if (value == null) {
                    continue;
                }
                boolean event = EVENT.matcher(name).matches();
                boolean openType = name.equals("open-type") && OPEN_TYPES.stream().anyMatch(t -> t.equalsIgnoreCase(value.trim()));
                if (event || openType) {
                    hooks.add(new WxmlHook(owner, element, name.toLowerCase(Locale.ROOT), value.trim(), source.at(attrsStart + a.start())));
                }
            }
        }
        return hooks;
    }

    /** Same length, so offsets still point at the original text. */
    private static String blankComments(String text) {
        Matcher m = COMMENT.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
