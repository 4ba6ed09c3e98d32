package io.permlab.capture;

import io.permlab.exercise.Header;
import io.permlab.exercise.HandedCoordinate;
import io.permlab.exercise.ObservedExchange;
import io.permlab.model.dynamic.PiSighting;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where sent coordinates came from, when the session knows every position it handed the program: a COORDINATES
 * sighting is the device's position when the request carries numbers equal to a handed device position (as written,
 * or rounded or cut to fewer decimals) that agree with the sighting's kept digits; likewise the fuzzy position or a
 * place the user picked. A device match wins over the others (the point may be both); coordinates matching nothing
 * handed are the program's own ({@link PiSighting#OTHER}). Sessions that cannot tell leave the origin unknown.
 */
final class CoordinateOrigins {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}\\.\\d+");

    private CoordinateOrigins() {
    }

    static List<PiSighting> label(List<PiSighting> sent, ObservedExchange x) {
        List<HandedCoordinate> handed = x.handedCoordinates();
        if (handed == null || sent.stream().noneMatch(s -> "COORDINATES".equals(s.type()))) {
            return sent;
        }
        List<String> numbers = numbers(x);
        List<PiSighting> out = new ArrayList<>(sent.size());
        for (PiSighting s : sent) {
            out.add("COORDINATES".equals(s.type()) ? s.withOrigin(origin(s, handed, numbers)) : s);
        }
        return out;
    }

    private static String origin(PiSighting s, List<HandedCoordinate> handed, List<String> numbers) {
        List<String> kept = new ArrayList<>();
        Matcher m = NUMBER.matcher(s.maskedValue().replace("*", ""));
        while (m.find()) {
            kept.add(m.group());
        }
        if (kept.size() != 2) {
            return null; // not a pair we can read back: left for the rules to judge as of unknown origin
        }
        boolean fuzzy = false;
        boolean picked = false;
        for (HandedCoordinate h : handed) {
            if (sent(numbers, kept.get(0), h.latitude()) && sent(numbers, kept.get(1), h.longitude())) {
                switch (h.source()) {
                    case HandedCoordinate.DEVICE -> {
                        return PiSighting.DEVICE;
                    }
                    case HandedCoordinate.FUZZY -> fuzzy = true;
                    default -> picked = true;
                }
            }
        }
        return fuzzy ? PiSighting.FUZZY : picked ? PiSighting.PICKED : PiSighting.OTHER;
    }

    /** Whether a number in the request starts with the sighting's kept digits and is {@code value} to its own decimals. */
    static boolean sent(List<String> numbers, String keptDigits, double value) {
        for (String n : numbers) {
            if (n.startsWith(keptDigits) && sameTo(n, value)) {
                return true;
            }
        }
        return false;
    }

    /** "31.2304" is 31.230416 rounded or cut to 4 decimals: within one unit of its last decimal. */
    static boolean sameTo(String written, double value) {
        int decimals = written.length() - written.indexOf('.') - 1;
        double unit = Math.pow(10, -decimals);
        return Math.abs(Double.parseDouble(written) - value) < unit * (1 + 1e-9);
    }

    /** Every decimal number in what was sent: the URL (decoded), the header values and the body. */
    private static List<String> numbers(ObservedExchange x) {
        StringBuilder text = new StringBuilder();
        text.append(decoded(x.url())).append('\n');
        for (Header h : x.requestHeaders()) {
            text.append(decoded(h.value())).append('\n');
        }
        if (x.requestBody() != null) {
            text.append(x.requestBody()).append('\n').append(decoded(x.requestBody()));
        }
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String decoded(String s) {
        if (s == null) {
            return "";
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
