package io.permlab.capture;

import io.permlab.json.Fields;
import io.permlab.json.JsonFileException;
import io.permlab.json.JsonNode;
import io.permlab.json.StrictJson;
import io.permlab.model.dynamic.Persona;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a persona file, strictly: {"name", "phone", "idNumber", "address", "email", "imei", "androidId", "oaid",
 * "mac"}, each an optional string. An unknown field, a non-string, or a malformed phone, ID number, e-mail, IMEI or
 * MAC is an error naming the file, the line and the field (io.permlab.json, as every strict file is read).
 */
public final class PersonaReader {
    private static final Set<String> FIELDS = Set.of("name", "phone", "idNumber", "address", "email", "imei",
            "androidId", "oaid", "mac");
    private static final Map<String, Pattern> SHAPES = Map.of(
            "phone", Pattern.compile("1[3-9]\\d{9}"),
            "idNumber", Pattern.compile("\\d{17}[\\dXx]"),
            "email", Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}"),
            "imei", Pattern.compile("\\d{15}"),
            "mac", Pattern.compile("[0-9A-Fa-f]{2}([:-]?)(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}"));
    private static final Map<String, String> EXPECTED = Map.of(
            "phone", "an 11-digit mainland mobile number starting 13 to 19",
            "idNumber", "an 18-character resident ID number with a valid check digit",
            "email", "an e-mail address",
            "imei", "15 digits",
            "mac", "six hex pairs such as 02:00:5e:10:00:01");

    private PersonaReader() {
    }

    public static Persona read(Path file) throws PersonaFileException {
        return persona(file, root(file), "");
    }

    /**
     * The persona an Android device profile declares under "persona" (docs/android-devices.md), or null when it
     * declares none: inline, {@code "persona": {"imei": …, "androidId": …}}, read by the rules of a persona file with
     * the fields named {@code persona.imei}; or {@code "persona": "file.json"}, a persona file beside the profile.
     * Errors name the profile and the field, never the value.
     */
    public static Persona ofAndroidProfile(Path profile) throws PersonaFileException {
        Fields o = root(profile);
        JsonNode declared = o.node().get("persona");
        if (declared == null || declared instanceof JsonNode.Null) {
            return null;
        }
        if (declared instanceof JsonNode.Obj inline) {
            return persona(profile, new Fields(profile.toString(), "$.persona", inline), "persona.");
        }
        if (declared instanceof JsonNode.Str name && !name.text().isBlank()) {
            Path parent = profile.toAbsolutePath().getParent();
            Path file = parent.resolve(name.text().strip());
            if (!Files.isRegularFile(file)) {
                throw new PersonaFileException(profile, "field 'persona' (line " + declared.line() + ") names no persona file: "
                        + file + " does not exist");
            }
            try {
                return read(file);
            } catch (PersonaFileException e) {
                throw new PersonaFileException(profile, "field 'persona' (line " + declared.line() + "): " + e.getMessage());
            }
        }
        throw new PersonaFileException(profile, "field 'persona' (line " + declared.line() + ") must be an object of the "
                + "device's identifiers ({\"imei\": …}) or the name of a persona file beside the profile");
    }

    private static Fields root(Path file) throws PersonaFileException {
        try {
            return StrictJson.object(StrictJson.parse(file), file.toString());
        } catch (JsonFileException e) {
            // the parser's own words may quote the text, which is the tester's PI: only the place is told
            String problem = !e.syntax() ? e.problem() + " (line " + e.line() + ")" : e.line() > 0 ? "malformed JSON at " + e.place() : "malformed JSON (" + e.problem() + ")";
            throw new PersonaFileException(file, problem);
        }
    }

    /** The persona in object {@code o} of {@code file}, its fields named with {@code prefix} in errors. */
    private static Persona persona(Path file, Fields o, String prefix) throws PersonaFileException {
        for (String key : o.keys()) {
            if (!FIELDS.contains(key)) {
                throw new PersonaFileException(file, "unknown field '" + prefix + key + "' (expected one of " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        return new Persona(string(file, o, prefix, "name"), string(file, o, prefix, "phone"), string(file, o, prefix, "idNumber"),
                string(file, o, prefix, "address"), string(file, o, prefix, "email"), string(file, o, prefix, "imei"),
                string(file, o, prefix, "androidId"), string(file, o, prefix, "oaid"), string(file, o, prefix, "mac"));
    }

    private static String string(Path file, Fields o, String prefix, String field) throws PersonaFileException {
        String raw;
        try {
            raw = o.optString(field);
        } catch (JsonFileException e) {
            throw new PersonaFileException(file, "field '" + prefix + field + "'" + line(o, field) + " must be a string");
        }
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        Pattern shape = SHAPES.get(field);
        boolean bad = v.isEmpty() || shape != null && !shape.matcher(v).matches()
                || field.equals("idNumber") && !idCheckDigitOk(v);
        if (bad) {
            // the bad value is not repeated: it is the tester's PI
            throw new PersonaFileException(file, "field '" + prefix + field + "'" + line(o, field) + " must be "
                    + EXPECTED.getOrDefault(field, "a non-empty string"));
        }
        return v;
    }

    private static String line(Fields o, String field) {
        return " (line " + o.node().get(field).line() + ")";
    }

    /** GB 11643: the 18th char is the ISO 7064 MOD 11-2 check of the first 17 digits. */
    private static boolean idCheckDigitOk(String id) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11) == Character.toUpperCase(id.charAt(17));
    }
}
