package io.permlab.inspect.apk.security;

import com.android.tools.smali.dexlib2.Opcode;
import com.android.tools.smali.dexlib2.ReferenceType;
import com.android.tools.smali.dexlib2.iface.MethodImplementation;
import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.iface.instruction.OneRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.ReferenceInstruction;
import com.android.tools.smali.dexlib2.iface.reference.MethodReference;

import java.util.List;

/**
 * Whether a certificate or host-name check accepts everything, decided from the method's own instructions. A trust
 * manager rejects a chain only by throwing (CertificateException), itself or through a call; so one that has no
 * throw and calls nothing but logging and string building accepts every certificate. A host-name verifier accepts
 * every host when each of its returns returns the constant true.
 */
final class TlsChecks {
    /** Classes whose methods build or print text and never validate a certificate. */
    private static final List<String> HARMLESS = List.of("Landroid/util/Log;", "Ljava/lang/StringBuilder;",
            "Ljava/lang/String;", "Ljava/io/PrintStream;", "Ljava/lang/Object;");

    private TlsChecks() {
    }

    static boolean acceptsEveryCertificate(MethodImplementation impl) {
        for (Instruction ins : impl.getInstructions()) {
            Opcode op = ins.getOpcode();
            if (op == Opcode.THROW) {
                return false;
            }
            if (op.referenceType == ReferenceType.METHOD && !harmless(((ReferenceInstruction) ins).getReference())) {
                return false;
            }
        }
        return true;
    }

    private static boolean harmless(Object reference) {
        return reference instanceof MethodReference m && HARMLESS.contains(m.getDefiningClass());
    }

    static boolean acceptsEveryHost(MethodImplementation impl) {
        boolean[] onlyTrue = {true};
        int[] returns = {0};
        MethodWalk.walk(impl, (ins, known) -> {
            Opcode op = ins.getOpcode();
            if (op == Opcode.THROW) {
                onlyTrue[0] = false;
            } else if (op == Opcode.RETURN) {
                returns[0]++;
                Value v = known.get(((OneRegisterInstruction) ins).getRegisterA());
                if (!(v instanceof Value.Int i) || i.value() == 0) {
                    onlyTrue[0] = false;
                }
            }
        });
        return onlyTrue[0] && returns[0] > 0;
    }
}
