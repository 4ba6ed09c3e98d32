package io.permlab.inspect.apk.security;

import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.iface.instruction.NarrowLiteralInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.OneRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.ReferenceInstruction;
import com.android.tools.smali.dexlib2.util.ReferenceUtil;

import java.util.ArrayList;
import java.util.List;

/** Instructions as short smali-like text for a finding's excerpt ("invoke-virtual Landroid/webkit/SslErrorHandler;->proceed()V"). */
final class Excerpts {
    private static final int MAX_INSTRUCTIONS = 6;

    private Excerpts() {
    }

    static String of(Instruction ins) {
        StringBuilder sb = new StringBuilder(ins.getOpcode().name);
        if (ins instanceof OneRegisterInstruction one && !(ins instanceof ReferenceInstruction && ins.getOpcode().name.startsWith("invoke"))) {
            sb.append(" v").append(one.getRegisterA());
        }
        if (ins instanceof NarrowLiteralInstruction lit) {
            sb.append(", ").append(lit.getNarrowLiteral());
        }
        if (ins instanceof ReferenceInstruction ref) {
            sb.append(' ').append(ReferenceUtil.getReferenceString(ref.getReference()));
        }
        return sb.toString();
    }

    /** The first instructions of a (short) method body, " | "-separated, "…" when there are more. */
    static String body(Iterable<? extends Instruction> code) {
        List<String> parts = new ArrayList<>();
        for (Instruction ins : code) {
            if (parts.size() == MAX_INSTRUCTIONS) {
                parts.add("…");
                break;
            }
            parts.add(of(ins));
        }
        return String.join(" | ", parts);
    }

    /** "checkServerTrusted(X509Certificate[], String)": the method's name and simple parameter types. */
    static String method(String name, List<? extends CharSequence> parameterTypes) {
        List<String> simple = new ArrayList<>();
        for (CharSequence t : parameterTypes) {
            simple.add(simpleType(t.toString()));
        }
        return name + "(" + String.join(", ", simple) + ")";
    }

    static String simpleType(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String base = descriptor.substring(dims);
        String name = switch (base) {
            case "I" -> "int";
            case "J" -> "long";
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "F" -> "float";
            case "D" -> "double";
            case "V" -> "void";
            default -> {
                String cls = base.startsWith("L") && base.endsWith(";") ? base.substring(1, base.length() - 1) : base;
                yield cls.substring(cls.lastIndexOf('/') + 1);
            }
        };
        return name + "[]".repeat(dims);
    }

    /** A secret shown by its shape only: the first two characters, then one '*' per remaining character (at most 16). */
    static String maskedSecret(String s) {
        int keep = Math.min(2, s.length());
        return s.substring(0, keep) + "*".repeat(Math.min(16, s.length() - keep));
    }
}
