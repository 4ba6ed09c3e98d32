package io.permlab.pipeline.dynamic;

import io.permlab.capture.PersonaFileException;
import io.permlab.capture.PersonaReader;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.flow.Flow;
import io.permlab.model.flow.Step;
import io.permlab.pipeline.StageContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test persona of a target: {@code persona.json} in the target's folder, else beside its flows (the first flow
 * folder that has one), read strictly by {@link PersonaReader}. A flow's step values may refer to it —
 * {@code {"type": {"css": "#phone"}, "text": "${persona.phone}"}} — so the tester types exactly the declared values;
 * a reference to a field the persona does not give, or to a persona that is missing or broken, is an error at the
 * step's line and column and that function is not run.
 */
final class PersonaFlows {
    static final String FILE = "persona.json";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{persona\\.([A-Za-z]+)}");
    private static final Map<String, Persona.Field> FIELDS = Map.of("name", Persona.Field.NAME, "phone", Persona.Field.PHONE,
            "idNumber", Persona.Field.ID_NUMBER, "address", Persona.Field.ADDRESS, "email", Persona.Field.EMAIL,
            "imei", Persona.Field.IMEI, "androidId", Persona.Field.ANDROID_ID, "oaid", Persona.Field.OAID, "mac", Persona.Field.MAC);

    private PersonaFlows() {
    }

    /** The declared persona, or null when none is declared or its file is broken (then a problem on the target). */
    static Persona declared(Path targetFolder, List<FunctionUnderTest> functions, StageContext context) {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(targetFolder);
        for (FunctionUnderTest f : functions) {
            Path parent = Path.of(f.flow().file()).toAbsolutePath().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        for (Path folder : folders) {
            Path file = folder.resolve(FILE);
            if (Files.isRegularFile(file)) {
                try {
                    return PersonaReader.read(file);
                } catch (PersonaFileException e) {
                    context.problem(file.toString(), "persona", e.getMessage());
                    return null;
                }
            }
        }
        return null;
    }

    /** The functions with every {@code ${persona.field}} replaced by the declared value; a flow that cannot be is left out. */
    static List<FunctionUnderTest> typed(List<FunctionUnderTest> functions, Persona persona, StageContext context) {
        List<FunctionUnderTest> out = new ArrayList<>(functions.size());
        for (FunctionUnderTest f : functions) {
            List<Step> steps = new ArrayList<>(f.flow().steps().size());
            String problem = null;
            for (Step s : f.flow().steps()) {
                if (s.value() == null || !s.value().contains("${persona.")) {
                    steps.add(s);
                    continue;
                }
                Matcher m = REFERENCE.matcher(s.value());
                StringBuilder sb = new StringBuilder();
                while (m.find() && problem == null) {
                    Persona.Field field = FIELDS.get(m.group(1));
                    String value = field == null || persona == null ? null : field.of(persona);
                    if (value == null) {
                        problem = f.flow().file() + ":" + s.line() + ":" + s.column() + ": step " + s.number() + " refers to "
                                + m.group() + ", " + (field == null ? "which is no persona field (expected one of "
                                + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")"
                                : persona == null ? "but no usable " + FILE + " declares a persona" : "which the persona does not give");
                    } else {
                        m.appendReplacement(sb, Matcher.quoteReplacement(value));
                    }
                }
                if (problem != null) {
                    break;
                }
                m.appendTail(sb);
                steps.add(new Step(s.index(), s.action(), s.locator(), sb.toString(), s.timeoutMillis(), s.functionStart(), s.note(),
                        s.line(), s.column(), s.refuse(), s.dialog()));
            }
            if (problem != null) {
                context.problem(f.flow().file(), "flow", problem + "; function '" + f.id() + "' not run");
            } else {
                out.add(new FunctionUnderTest(f.id(), f.name(), new Flow(f.flow().file(), f.flow().function(), f.flow().name(), steps)));
            }
        }
        return out;
    }
}
