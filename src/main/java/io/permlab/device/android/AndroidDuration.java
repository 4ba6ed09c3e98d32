package io.permlab.device.android;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as AOSP's TimeUtils.formatDuration prints them: "+1d2h3m4s5ms", "-22d4h22m19s762ms", "+884ms". */
final class AndroidDuration {
    private static final Pattern WHOLE = Pattern.compile("[+-]?(?:\\d+(?:ms|d|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private AndroidDuration() {
    }

    /** The magnitude; the sign only says whether AOSP printed an age or an offset. Null when it is not a duration. */
    static Duration parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
        }
        return total;
    }
}
