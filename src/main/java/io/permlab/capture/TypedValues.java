package io.permlab.capture;

import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.RawRun;
import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiMatch;
import io.permlab.knowledge.pi.PiType;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PersonaSighting;
import io.permlab.model.dynamic.PiSighting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PI a run's type steps typed, found again in what the page sent: a sent sighting is the user's own input when the
 * very value typed (in any of the encodings {@link PersonaNeedles} knows: +86 forms, URL, base64, hex, digests) sits at
 * its place, and was typed no later than the exchange began. Values are compared exactly, in memory, at record time;
 * what is kept is only the step index ({@link PiSighting#typedAtStep}), so no fingerprint of the PI (an 11-digit phone
 * number's hash is easily reversed) is ever written. A PI kind alone would excuse a different phone number the app
 * read from elsewhere, so kinds only narrow the value match, never replace it.
 */
public final class TypedValues {
    /** How a detected kind's value is written on the wire; the other kinds take the plain forms only. */
    private static final Map<PiType, Persona.Field> FIELDS = Map.of(PiType.MOBILE_PHONE, Persona.Field.PHONE,
            PiType.RESIDENT_ID, Persona.Field.ID_NUMBER, PiType.MAC_ADDRESS, Persona.Field.MAC, PiType.EMAIL, Persona.Field.EMAIL);

    /** One piece of PI in a typed text: its kind, where it was typed, and a matcher for its exact value. */
    private record Piece(PiType type, int stepIndex, long atMillis, PersonaMatcher matcher) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /**
     * @param typed   what the run's type steps typed
     * @param persona the declared test persona, or null: a typed value equal to one of its fields is PI of that field's
     *                kind even when its shape says nothing (a name, an address)
     */
    public TypedValues(List<RawRun.TypedText> typed, Persona persona) {
        for (RawRun.TypedText t : typed) {
            if (t.value() == null || t.value().isBlank()) {
                continue;
            }
            Map<String, PiType> found = new LinkedHashMap<>();
            for (PiMatch m : PiDetector.find(t.value())) {
                if (m.encoded() == null) {
                    found.putIfAbsent(canonical(m.type(), m.value()), m.type());
                }
            }
            if (persona != null) {
                for (Persona.Field f : Persona.Field.values()) {
                    String v = f.of(persona);
                    if (v != null && v.strip().equals(t.value().strip())) {
                        found.putIfAbsent(v.strip(), PersonaPi.type(f.name()));
                    }
                }
            }
            found.forEach((value, type) -> pieces.add(new Piece(type, t.stepIndex(), t.atMillis(), matcher(type, value))));
        }
    }

    /** Whether the run typed any PI at all. */
    public boolean isEmpty() {
        return pieces.isEmpty();
    }

    /**
     * The sightings of what exchange {@code x} (begun at {@code atMillis}) sent, each one that is a value typed before it
     * marked with the step that typed it ({@link PiSighting#typedAt}); the others as they were.
     */
    public List<PiSighting> mark(List<PiSighting> sent, ObservedExchange x, long atMillis) {
        if (pieces.isEmpty() || sent.isEmpty()) {
            return sent;
        }
        List<PiSighting> out = new ArrayList<>(sent);
        for (Piece p : pieces) {
            if (p.atMillis() > atMillis) {
                continue; // typed after the exchange began: the app had it from elsewhere
            }
            List<PersonaSighting> there = p.matcher().sent(x);
            for (int i = 0; i < out.size(); i++) {
                PiSighting s = out.get(i);
                if (!s.typedByUser() && s.type().equals(p.type().name()) && there.stream().anyMatch(t -> samePlace(s.where(), t.where()))) {
                    out.set(i, s.typedAt(p.stepIndex()));
                }
            }
        }
        return out;
    }

    /**
     * Whether a sighting's where and a typed value's where are one place: the same; the scanner's where the start of the
     * typed value's, up to a boundary (as {@link PersonaPi} merges them, "url query m" never excusing "url query mobile");
     * or the typed value's where plus what the scanner or the persona add ("body $.u (base64)", "… (persona)").
     */
    static boolean samePlace(String sighting, String typed) {
        if (sighting.equals(typed) || sighting.startsWith(typed + " (")) {
            return true;
        }
        if (!typed.startsWith(sighting)) {
            return false;
        }
        char next = typed.charAt(sighting.length());
        return !Character.isLetterOrDigit(next) && next != '_' && next != '-';
    }

    /**
     * A phone number as its 11 digits, whatever the user typed around them ("+86 138-1234-5678"): the needles then
     * cover the spaced, dashed and prefixed forms the page may send instead.
     */
    private static String canonical(PiType type, String value) {
        if (type != PiType.MOBILE_PHONE) {
            return value;
        }
        String digits = value.replaceAll("[^0-9]", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    private static PersonaMatcher matcher(PiType type, String value) {
        Persona.Field field = FIELDS.getOrDefault(type, Persona.Field.NAME);
        String[] fields = new String[Persona.Field.values().length];
        fields[field.ordinal()] = value;
        return new PersonaMatcher(new Persona(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
                fields[7], fields[8]));
    }
}
