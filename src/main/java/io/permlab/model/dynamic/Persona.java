package io.permlab.model.dynamic;

import java.util.function.Function;

/**
 * The identity a tester types into the app under test. Every leak of it is provable: the matcher looks for these
 * exact values (and their encodings) in traffic and storage, never guesses. Fields a tester did not give are null.
 */
public record Persona(String name, String phone, String idNumber, String address, String email,
                      String imei, String androidId, String oaid, String mac) {

    /**
     * This persona with the fields it does not give taken from {@code fallback} (null: none): a target's persona
     * completed by the device profile's identifiers, the target's value winning where both give one.
     */
    public Persona orElse(Persona fallback) {
        if (fallback == null) {
            return this;
        }
        return new Persona(or(name, fallback.name), or(phone, fallback.phone), or(idNumber, fallback.idNumber),
                or(address, fallback.address), or(email, fallback.email), or(imei, fallback.imei),
                or(androidId, fallback.androidId), or(oaid, fallback.oaid), or(mac, fallback.mac));
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** Which fields were given, never their values: a persona that reaches a log must not leak itself. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Persona[");
        for (Field f : Field.values()) {
            if (f.of(this) != null) {
                sb.append(sb.length() == 8 ? "" : ", ").append(f).append("=***");
            }
        }
        return sb.append(']').toString();
    }

    /** The persona's fields, each with the accessor that reads it. */
    public enum Field {
        NAME(Persona::name), PHONE(Persona::phone), ID_NUMBER(Persona::idNumber), ADDRESS(Persona::address),
        EMAIL(Persona::email), IMEI(Persona::imei), ANDROID_ID(Persona::androidId), OAID(Persona::oaid),
        MAC(Persona::mac);

        private final Function<Persona, String> value;

        Field(Function<Persona, String> value) {
            this.value = value;
        }

        public String of(Persona p) {
            return value.apply(p);
        }
    }
}
