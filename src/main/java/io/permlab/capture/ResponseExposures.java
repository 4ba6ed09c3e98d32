package io.permlab.capture;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.permlab.exercise.ObservedExchange;
import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiMatch;
import io.permlab.knowledge.pi.PiType;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.ResponseExposure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the personal information in a JSON response with what the page showed (its visible text at the
 * checkpoint). A value the response carries in full is an exposure when the page shows it only masked — a run of
 * {@code *}, {@code ＊}, {@code •} or {@code ●} with the value's own first and last characters around it, such as
 * {@code 138****5678} for {@code 13812345678} — or not at all; and, when a test persona is declared, a value that is not
 * the persona's (another person's phone, ID number, e-mail, or an address under an address key) is an exposure of
 * others' PI unless the page shows it in full. Values are found by {@link PiDetector} (checksums and ranges, never
 * guesses), the persona's name and address by their declared text, other addresses only under keys named for an
 * address. Values that already contain mask characters are masked and ignored. Thread-safe.
 */
public final class ResponseExposures {
    private static final Set<PiType> JUDGED = EnumSet.of(PiType.MOBILE_PHONE, PiType.RESIDENT_ID, PiType.BANK_CARD, PiType.EMAIL);
    private static final Set<String> ADDRESS_KEYS = Set.of("address", "addr", "fulladdress", "detailaddress", "addressdetail",
            "detail_address", "full_address", "street", "receiveraddress", "receiver_address", "deliveryaddress",
            "delivery_address", "地址", "收货地址", "详细地址");
    private static final String MASK_CHARS = "*＊•●";
    /** An address shorter than this is a city or a district, not a place a person can be found at. */
    private static final int MIN_ADDRESS = 6;

    private final Persona persona;

    /** @param persona the declared test persona, or null (then no value can be told to be someone else's) */
    public ResponseExposures(Persona persona) {
        this.persona = persona;
    }

    /** The exposures of one response against the page text; none when the body is not JSON or the page text is unknown. */
    public List<ResponseExposure> of(ObservedExchange x, int stepIndex, String host, String pageText, String screenshot) {
        if (pageText == null || x.failed()) {
            return List.of();
        }
        String body = PiScanner.readableBody(x);
        if (body == null) {
            return List.of();
        }
        String trimmed = body.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return List.of();
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(trimmed);
        } catch (JsonParseException | IllegalStateException e) {
            return List.of();
        }
        Map<String, Value> values = new LinkedHashMap<>();
        walk(root, "response $", null, values);
        List<ResponseExposure> out = new ArrayList<>();
        for (Value v : values.values()) {
            ResponseExposure.Kind kind = judge(v, pageText);
            if (kind != null) {
                out.add(new ResponseExposure(x.requestId(), stepIndex, x.method(), x.url(), host, kind, v.type.name(), v.where,
                        masked(v), screenshot));
            }
        }
        return out;
    }

    /** What the page does with a value the response carries in full; null when the page shows it in full too. */
    ResponseExposure.Kind judge(Value v, String pageText) {
        if (shownInFull(v.raw, pageText)) {
            return null;
        }
        if (persona != null && !isPersonas(v)) {
            return ResponseExposure.Kind.OTHERS;
        }
        return shownMasked(v.raw, pageText) ? ResponseExposure.Kind.SHOWN_MASKED : ResponseExposure.Kind.NOT_SHOWN;
    }

    private void walk(JsonElement e, String path, String key, Map<String, Value> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                walk(entry.getValue(), path + "." + PiDetector.mask(entry.getKey()), entry.getKey(), out);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                walk(e.getAsJsonArray().get(i), path + "[" + i + "]", key, out);
            }
        } else if (e.isJsonPrimitive()) {
            String s = e.getAsString();
            if (s.isEmpty() || hasMask(s)) {
                return;
            }
            for (PiMatch m : PiDetector.find(s)) {
                if (JUDGED.contains(m.type())) {
                    out.putIfAbsent(path + " " + m.value(), new Value(m.type(), path, m.value()));
                }
            }
            if (persona != null && persona.name() != null && s.contains(persona.name())) {
                out.putIfAbsent(path + " name", new Value(PiType.PERSON_NAME, path, persona.name()));
            }
            boolean addressKey = key != null && ADDRESS_KEYS.contains(key.toLowerCase(Locale.ROOT));
            if (addressKey && s.strip().length() >= MIN_ADDRESS) {
                out.putIfAbsent(path + " address", new Value(PiType.ADDRESS, path, s.strip()));
            } else if (persona != null && persona.address() != null && s.contains(persona.address())) {
                out.putIfAbsent(path + " address", new Value(PiType.ADDRESS, path, persona.address()));
            }
        }
    }

    private boolean isPersonas(Value v) {
        String raw = v.raw;
        switch (v.type) {
            case MOBILE_PHONE:
                return persona.phone() != null && raw.replaceAll("\\D", "").endsWith(persona.phone());
            case RESIDENT_ID:
                return raw.equalsIgnoreCase(persona.idNumber());
            case EMAIL:
                return raw.equalsIgnoreCase(persona.email());
            case PERSON_NAME:
                return true;
            case ADDRESS:
                return persona.address() != null && (raw.contains(persona.address()) || persona.address().contains(raw));
            default:
                return false;
        }
    }

    static boolean shownInFull(String value, String pageText) {
        return pageText.contains(value);
    }

    /**
     * Whether the page shows the value masked: a run of mask characters whose neighbours are the value's first p and
     * last q characters, with min(4, max(1, length / 3)) ≤ p + q &lt; the value's length (138****5678, 张*, 张**,
     * 1101**********123X, ****5678).
     */
    static boolean shownMasked(String value, String pageText) {
        int n = value.length();
        int i = 0;
        while (i < pageText.length()) {
            if (MASK_CHARS.indexOf(pageText.charAt(i)) < 0) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < pageText.length() && MASK_CHARS.indexOf(pageText.charAt(runEnd)) >= 0) {
                runEnd++;
            }
            int p = Math.min(i, n - 1);
            while (p > 0 && !pageText.regionMatches(true, i - p, value, 0, p)) {
                p--;
            }
            int q = Math.min(pageText.length() - runEnd, n - 1 - p);
            while (q > 0 && !pageText.regionMatches(true, runEnd, value, n - q, q)) {
                q--;
            }
            if (p + q < n && p + q >= Math.min(4, Math.max(1, n / 3))) {
                return true;
            }
            i = runEnd;
        }
        return false;
    }

    private static boolean hasMask(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (MASK_CHARS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String masked(Value v) {
        if (v.type == PiType.PERSON_NAME) {
            return v.raw.charAt(0) + "*".repeat(v.raw.length() - 1);
        }
        if (v.type == PiType.ADDRESS) {
            return v.raw.substring(0, Math.min(6, v.raw.length() / 2)) + "***";
        }
        return PiDetector.mask(v.raw);
    }

    /** A PI value of a response, at its JSON path. */
    record Value(PiType type, String where, String raw) {
    }
}
