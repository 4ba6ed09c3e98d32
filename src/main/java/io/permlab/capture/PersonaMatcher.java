package io.permlab.capture;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedStorage;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PersonaSighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the test persona's exact values, and their encodings ({@link PersonaNeedles}), in what a page sent, received
 * and stored. All needles of a persona are searched in one Aho-Corasick pass ({@link NeedleAutomaton}, ASCII case
 * ignored; base64 needles are then checked exactly). A needle that starts or ends with a letter or digit must not continue a longer
 * run of letters and digits, so a digest is never found inside an unrelated longer hex string. Where a match is, is
 * said as the PI scanner says it; the text is only parsed (JSON, form) when something was found. Thread-safe.
 */
public final class PersonaMatcher {
    private final List<Needle> needles;
    private final NeedleAutomaton automaton;

    public PersonaMatcher(Persona persona) {
        needles = PersonaNeedles.of(persona);
        automaton = new NeedleAutomaton(needles.stream().map(n -> NeedleAutomaton.fold(n.text())).toList());
    }

    /** How many texts one pass looks for. */
    public int needleCount() {
        return needles.size();
    }

    /** Every persona needle in the text, longest first where they overlap, in text order. */
    List<PersonaMatch> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PersonaMatch> found = new ArrayList<>();
        automaton.search(text, (idx, start, end) -> {
            Needle n = needles.get(idx);
            if (standsAlone(text, start, end) && (!n.caseSensitive() || text.regionMatches(start, n.text(), 0, n.text().length()))) {
                found.add(new PersonaMatch(n, start, end));
            }
        });
        return withoutOverlaps(found);
    }

    /** Persona values in what the page sent: URL, request headers, request body. */
    public List<PersonaSighting> sent(ObservedExchange exchange) {
        List<PersonaSighting> out = new ArrayList<>();
        PersonaPlaces.url(this, exchange.url(), out);
        for (Header h : exchange.requestHeaders()) {
            if (Cookies.isCookieHeader(h.name())) {
                // each cookie at its own place, named as the PI scanner names it ("cookie tel"), so the two agree on
                // where a value was sent (and a typed value sent back in a cookie is known as typed)
                for (Field c : Cookies.decoded(Cookies.parse(h.value()))) {
                    PersonaPlaces.text(this, c.value(), "cookie " + c.name(), out);
                }
            } else {
                PersonaPlaces.text(this, h.value(), "header " + h.name(), out);
            }
        }
        PersonaPlaces.body(this, exchange.requestBody(), "body", out);
        return out;
    }

    /** Persona values in what came back: response headers and the readable body. */
    public List<PersonaSighting> received(ObservedExchange exchange) {
        List<PersonaSighting> out = new ArrayList<>();
        for (Header h : exchange.responseHeaders()) {
            PersonaPlaces.text(this, h.value(), "header " + h.name(), out);
        }
        if (!exchange.failed()) {
            PersonaPlaces.body(this, PiScanner.readableBody(exchange), "response", out);
        }
        return out;
    }

    /** Persona values in one storage entry, at "localStorage key" (the key masked). */
    public List<PersonaSighting> stored(ObservedStorage.Entry entry) {
        List<PersonaSighting> out = new ArrayList<>();
        PersonaPlaces.text(this, entry.value(), entry.area() + " " + mask(entry.key()), out);
        return out;
    }

    /** The text with every persona needle replaced by its mask; what {@link PiDetector#mask} masks is masked too. */
    public String mask(String text) {
        return PiDetector.mask(maskPersona(text));
    }

    /** The text with every persona needle (and nothing else) replaced by its mask. */
    public String maskPersona(String text) {
        List<PersonaMatch> matches = find(text);
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        for (PersonaMatch m : matches) {
            sb.append(text, last, m.start()).append(PersonaMask.of(m.needle(), text.substring(m.start(), m.end())));
            last = m.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    /**
     * The exchange with the persona's values masked in its URL, header values and bodies (a base64 text body is
     * decoded first), for files written masked: the HAR's own masking knows PI by shape, this knows the persona's.
     */
    public ObservedExchange masked(ObservedExchange x) {
        String readable = PiScanner.readableBody(x);
        boolean decoded = readable != null && x.responseBodyBase64();
        return new ObservedExchange(x.requestId(), x.startedAt(), x.elapsedMillis(), x.method(), maskPersona(x.url()),
                x.httpVersion(), headers(x.requestHeaders()), maskPersona(x.requestBody()), x.status(), x.statusText(),
                headers(x.responseHeaders()), x.responseMimeType(), readable != null ? maskPersona(readable) : x.responseBody(),
                !decoded && x.responseBodyBase64(), x.responseSize(), x.failed(), maskPersona(x.failureText()));
    }

    private List<Header> headers(List<Header> headers) {
        return headers.stream().map(h -> new Header(h.name(), maskPersona(h.value()))).toList();
    }

    private static boolean standsAlone(String text, int start, int end) {
        return !(start > 0 && alnum(text.charAt(start)) && alnum(text.charAt(start - 1)))
                && !(end < text.length() && alnum(text.charAt(end - 1)) && alnum(text.charAt(end)));
    }

    private static boolean alnum(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static List<PersonaMatch> withoutOverlaps(List<PersonaMatch> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(PersonaMatch::start).thenComparing(m -> m.start() - m.end()));
        List<PersonaMatch> out = new ArrayList<>(found.size());
        int end = -1;
        for (PersonaMatch m : found) {
            if (m.start() >= end) {
                out.add(m);
                end = m.end();
            }
        }
        return out;
    }
}
