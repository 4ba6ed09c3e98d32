package io.permlab.inspect.miniprogram.secrets;

import io.permlab.model.miniprogram.CodeLocation;
import io.permlab.model.miniprogram.ExposedSecret;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials a mini-program ships in its code or configuration, by their documented shapes next to the
 * names they go by: WeChat's AppSecret (32 hex digits under "appsecret", or under "secret" beside a wx… app id, as
 * jscode2session's query takes it), Tencent LBS keys (six groups of five: XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX), AMap
 * web-service keys (32 hex digits under an amap/gaode key name, or as key= of a restapi.amap.com URL) and Baidu map
 * AKs (32 letters and digits under "ak"). Values are masked as soon as they are found; the text is never kept.
 */
public final class SecretScanner {
    /** A value this much before or after a "secret" key counts as next to the app id. */
    private static final int APP_ID_NEARBY = 120;
    private static final int EXCERPT = 60;
    private static final int MAX_PER_FILE = 20;

    private static final Pattern APP_SECRET = Pattern.compile(
            "(?i)(app_?secret|secret)[\"']?\\s*[:=]\\s*[\"'`]?([0-9a-f]{32})(?![0-9a-z])");
    private static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}(?![0-9a-z])");
    private static final Pattern TENCENT_KEY = Pattern.compile("(?<![A-Z0-9-])([A-Z0-9]{5}(?:-[A-Z0-9]{5}){5})(?![A-Z0-9-])");
    private static final Pattern AMAP_KEY = Pattern.compile(
            "(?i)(?:(?:amap|gaode)\\w*key[\"']?\\s*[:=]\\s*[\"'`]?|restapi\\.amap\\.com/[^\"'`\\s]*?[?&]key=)([0-9a-f]{32})(?![0-9a-z])");
    private static final Pattern BAIDU_AK = Pattern.compile("(?<![A-Za-z0-9_])ak[\"']?\\s*[:=]\\s*[\"'`]?([A-Za-z0-9]{32})(?![A-Za-z0-9])");

    private SecretScanner() {
    }

    /** The credentials in one file's text; {@code shownPath} is how evidence names the file. */
    public static List<ExposedSecret> scan(String shownPath, String text) {
        List<ExposedSecret> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = APP_SECRET.matcher(text);
        while (m.find() && out.size() < MAX_PER_FILE) {
            boolean named = m.group(1).toLowerCase(Locale.ROOT).startsWith("app");
            if (named || appIdNear(text, m.start(), m.end())) {
                add(out, seen, "wechat-app-secret", shownPath, text, m.start(2), m.group(2));
            }
        }
        m = TENCENT_KEY.matcher(text);
        while (m.find() && out.size() < MAX_PER_FILE) {
            if (hasLetterAndDigit(m.group(1))) {
                add(out, seen, "tencent-map-key", shownPath, text, m.start(1), m.group(1));
            }
        }
        m = AMAP_KEY.matcher(text);
        while (m.find() && out.size() < MAX_PER_FILE) {
            add(out, seen, "amap-key", shownPath, text, m.start(1), m.group(1));
        }
        m = BAIDU_AK.matcher(text);
        while (m.find() && out.size() < MAX_PER_FILE) {
            if (hasLetterAndDigit(m.group(1))) {
                add(out, seen, "baidu-ak", shownPath, text, m.start(1), m.group(1));
            }
        }
        return out;
    }

    private static boolean appIdNear(String text, int start, int end) {
        Matcher id = APP_ID.matcher(text);
        id.region(Math.max(0, start - APP_ID_NEARBY), Math.min(text.length(), end + APP_ID_NEARBY));
        return id.find();
    }

    /** Real keys mix both; "AAAAA-AAAAA-…" or a run of digits is a placeholder or something else. */
    private static boolean hasLetterAndDigit(String s) {
        return s.chars().anyMatch(Character::isLetter) && s.chars().anyMatch(Character::isDigit);
    }

    private static void add(List<ExposedSecret> out, Set<String> seen, String kind, String file, String text, int at, String value) {
        if (!seen.add(kind + "|" + value)) {
            return; // the same value again in one file: one finding names it
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String masked = mask(value);
        int from = Math.max(lineStart, at - EXCERPT / 2);
        int lineEnd = text.indexOf('\n', at);
        int to = Math.min(lineEnd < 0 ? text.length() : lineEnd, at + value.length() + EXCERPT / 2);
        String excerpt = maskAll(text.substring(from, at) + masked + text.substring(at + value.length(), Math.max(to, at + value.length()))).strip();
        out.add(new ExposedSecret(kind, new CodeLocation(file, line, at - lineStart + 1, excerpt), masked));
    }

    private static final Pattern ANY_VALUE = Pattern.compile("(?<![A-Za-z0-9])(?:[A-Za-z0-9]{32}|[A-Z0-9]{5}(?:-[A-Z0-9]{5}){5})(?![A-Za-z0-9])");

    /** Masks any other credential-shaped value that shares the excerpt. */
    private static String maskAll(String excerpt) {
        return ANY_VALUE.matcher(excerpt).replaceAll(r -> Matcher.quoteReplacement(mask(r.group())));
    }

    /** The first four and last two characters; the rest as '*'. */
    static String mask(String value) {
        if (value.length() <= 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 6) + value.substring(value.length() - 2);
    }
}
