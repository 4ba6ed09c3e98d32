package io.permlab.inspect.apk.security;

import com.android.tools.smali.dexlib2.iface.MethodImplementation;
import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.iface.instruction.ReferenceInstruction;
import com.android.tools.smali.dexlib2.iface.reference.MethodReference;
import io.permlab.model.apk.SecurityFlawKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges the watched call sites of one method with the constants its registers are known to hold: the mode a file
 * is opened with, the cipher transformation, where a key's bytes come from, the key a preference is stored under.
 * A value the method does not fix itself (a parameter, a field) is never guessed.
 */
final class CallSiteChecks {
    interface Sink {
        void flaw(String excerpt, SecurityFlawKind kind, String detail);
    }

    static final int MODE_WORLD_READABLE = 1;
    static final int MODE_WORLD_WRITEABLE = 2;

    /** Block ciphers that default to ECB when no mode is named ("AES" is "AES/ECB/PKCS5Padding"). */
    private static final Set<String> BLOCK_CIPHERS = Set.of("AES", "DES", "DESEDE", "TRIPLEDES", "BLOWFISH", "SM4", "RC2");

    private CallSiteChecks() {
    }

    static void check(MethodImplementation impl, Sink sink) {
        MethodWalk.walk(impl, (ins, known) -> {
            if (!(ins instanceof ReferenceInstruction ri) || !(ri.getReference() instanceof MethodReference m)) {
                return;
            }
            WatchedCall call = WatchedCall.of(m.getDefiningClass(), m.getName(),
                    m.getParameterTypes().stream().map(CharSequence::toString).toList());
            if (call != null) {
                judge(call, ins, MethodWalk.invokeRegisters(ins), known, sink);
            }
        });
    }

    private static void judge(WatchedCall call, Instruction ins, List<Integer> regs, Map<Integer, Value> known, Sink sink) {
        Value arg = known.get(call.argumentRegister(regs));
        String excerpt = Excerpts.of(ins);
        switch (call) {
            case SSL_PROCEED -> sink.flaw(excerpt, SecurityFlawKind.SSL_ERROR_PROCEED, "");
            case ADD_JAVASCRIPT_INTERFACE -> {
                Value name = regs.size() > 2 ? known.get(regs.get(2)) : null;
                sink.flaw(excerpt, SecurityFlawKind.JAVASCRIPT_INTERFACE, name instanceof Value.Str s ? "window." + s.value() : "");
            }
            case OPEN_FILE_OUTPUT, GET_SHARED_PREFERENCES, GET_DIR, OPEN_OR_CREATE_DATABASE, OPEN_OR_CREATE_DATABASE_WITH_HANDLER -> {
                if (arg instanceof Value.Int mode && worldAccessible(mode.value())) {
                    Value file = regs.size() > 1 ? known.get(regs.get(1)) : null;
                    String name = file instanceof Value.Str s ? "\"" + s.value() + "\" " : "";
                    sink.flaw(excerpt + " (mode " + mode.value() + ")", SecurityFlawKind.WORLD_ACCESSIBLE_FILE, name + modeName(mode.value()));
                }
            }
            case CIPHER_GET_INSTANCE -> {
                if (arg instanceof Value.Str t && ecb(t.value())) {
                    sink.flaw(excerpt + " (\"" + t.value() + "\")", SecurityFlawKind.ECB_CIPHER, t.value());
                }
            }
            case SECRET_KEY_SPEC -> {
                if (arg instanceof Value.StringBytes s) {
                    sink.flaw(excerpt, SecurityFlawKind.CONSTANT_KEY, "bytes of the constant string \"" + Excerpts.maskedSecret(s.value())
                            + "\" (" + s.value().length() + " chars)");
                } else if (arg instanceof Value.ConstBytes b && b.length() >= 0) {
                    sink.flaw(excerpt, SecurityFlawKind.CONSTANT_KEY, "a constant byte array (" + b.length() + " bytes)");
                }
            }
            case PUT_STRING -> {
                if (arg instanceof Value.Str key && PiKeys.namesPi(key.value())) {
                    sink.flaw(excerpt + " (\"" + key.value() + "\")", SecurityFlawKind.PI_IN_PREFERENCES, key.value());
                }
            }
        }
    }

    static boolean worldAccessible(long mode) {
        return (mode & (MODE_WORLD_READABLE | MODE_WORLD_WRITEABLE)) != 0;
    }

    private static String modeName(long mode) {
        boolean r = (mode & MODE_WORLD_READABLE) != 0;
        boolean w = (mode & MODE_WORLD_WRITEABLE) != 0;
        return r && w ? "MODE_WORLD_READABLE|MODE_WORLD_WRITEABLE" : r ? "MODE_WORLD_READABLE" : "MODE_WORLD_WRITEABLE";
    }

    /** "AES", "DES", "AES/ECB/PKCS5Padding": a block cipher in ECB mode, by name or by default. RSA's "ECB" is no mode. */
    static boolean ecb(String transformation) {
        String[] parts = transformation.trim().toUpperCase(Locale.ROOT).split("/");
        if (!BLOCK_CIPHERS.contains(parts[0].trim())) {
            return false;
        }
        return parts.length == 1 || parts[1].trim().equals("ECB");
    }
}
