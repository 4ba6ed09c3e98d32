package io.permlab.pipeline.dynamic;

import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.model.dynamic.Persona;
import io.permlab.pipeline.StageContext;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The test persona of a target run on a device, APK or mini-program inside WeChat alike (docs/persona.md): the
 * target's persona.json completed by the device profile's "persona", the functions with their {@code ${persona.…}}
 * references typed in (a function that cannot be is left out, with a problem naming the step), and the device's masker.
 */
record DevicePersona(Persona persona, List<FunctionUnderTest> functions) {
    static DevicePersona of(Path targetFolder, List<FunctionUnderTest> functions, AndroidProfile profile, StageContext context) {
        Persona declared = PersonaFlows.declared(targetFolder, functions, context);
        // a field both give takes the target's value: the target describes this test, the profile a shared phone
        Persona persona = declared != null ? declared.orElse(profile.persona()) : profile.persona();
        return new DevicePersona(persona, PersonaFlows.typed(functions, persona, context));
    }

    /** The device session's masker: the persona's values and encodings, then PI by shape; nothing when unmasked. */
    UnaryOperator<String> masker(boolean mask) {
        return mask ? AndroidExercise.masker(persona) : UnaryOperator.identity();
    }
}
