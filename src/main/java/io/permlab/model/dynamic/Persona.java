package io.permlab.model.dynamic;

import java.util.function.Function;

/**
 * The identity a tester types into the app under test. Every leak of it is provable: the matcher looks for these
 * exact values (and their encodings) in traffic and storage, never guesses. Fields a tester did not give are null.
 */
public record Persona(String name, String phone, String idNumber, String address, String email,
                      String imei, String androidId, String oaid, String mac) {

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
