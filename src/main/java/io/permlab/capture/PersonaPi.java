package io.permlab.capture;

import io.permlab.knowledge.pi.PiType;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PersonaSighting;
import io.permlab.model.dynamic.PiSighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Persona sightings as PI of the declared kind, so every rule that reads PI sightings (third party, before consent,
 * cleartext, plaintext storage) sees them: a name and an address are found this way only, exactly, never guessed.
 * The where says it is the persona's and how it was written: "body $.user (persona, SHA256)". A persona sighting at
 * a place where the PI scanner already found the same type is not counted twice; one the scanner found by decoding
 * base64 is the persona's.
 */
public final class PersonaPi {
    private static final Map<Persona.Field, PiType> TYPES = Map.of(Persona.Field.NAME, PiType.PERSON_NAME,
            Persona.Field.PHONE, PiType.MOBILE_PHONE, Persona.Field.ID_NUMBER, PiType.RESIDENT_ID,
            Persona.Field.ADDRESS, PiType.ADDRESS, Persona.Field.EMAIL, PiType.EMAIL, Persona.Field.IMEI, PiType.IMEI,
            Persona.Field.ANDROID_ID, PiType.DEVICE_ID, Persona.Field.OAID, PiType.DEVICE_ID, Persona.Field.MAC, PiType.MAC_ADDRESS);

    private PersonaPi() {
    }

    /** The PiType a persona field is PI of. */
    public static PiType type(String field) {
        return TYPES.get(Persona.Field.valueOf(field));
    }

    /** The scanner's sightings, then the persona's that add something. */
    public static List<PiSighting> merged(List<PiSighting> scanned, List<PersonaSighting> persona) {
        if (persona.isEmpty()) {
            return scanned;
        }
        List<PiSighting> out = new ArrayList<>(scanned);
        for (PersonaSighting p : persona) {
            String type = type(p.field()).name();
            boolean plain = PersonaEncoding.PLAIN.name().equals(p.encoding());
            boolean known = plain && scanned.stream().anyMatch(s -> s.type().equals(type) && p.where().startsWith(s.where()));
            String where = p.where() + " (persona" + (plain ? "" : ", " + p.encoding()) + ")";
            if (p.encoding().startsWith(PersonaEncoding.BASE64.name())) {
                // the scanner decodes base64 too ("body $.u (base64)"): the persona's own value there is the same fact,
                // said more exactly, so it takes the scanner's place
                out.removeIf(s -> s.type().equals(type) && s.where().startsWith(p.where() + " (base64"));
            }
            if (!known && out.stream().noneMatch(s -> s.type().equals(type) && s.where().equals(where))) {
                out.add(new PiSighting(type, where, p.maskedExcerpt(), 0));
            }
        }
        return out;
    }
}
