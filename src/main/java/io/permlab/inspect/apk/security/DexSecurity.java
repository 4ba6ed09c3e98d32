package io.permlab.inspect.apk.security;

import com.android.tools.smali.dexlib2.AccessFlags;
import com.android.tools.smali.dexlib2.iface.Method;
import com.android.tools.smali.dexlib2.iface.MethodImplementation;
import com.android.tools.smali.dexlib2.iface.reference.MethodReference;
import io.permlab.model.apk.SecurityFlaw;
import io.permlab.model.apk.SecurityFlawKind;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The security analysis of one dex, fed by the dex scan's single pass: first every entry of the method table (to
 * know which indices are watched calls or TLS-deciding definitions, decoding a prototype only when the name matches),
 * then each method that defines one or calls one. Everything else is never decoded. Thread-safe once the table is read.
 */
public final class DexSecurity {
    private final String dexFile;
    private final Map<Integer, WatchedCall> calls = new HashMap<>();
    private final Map<Integer, Definition> definitions = new HashMap<>();
    private final BitSet watched = new BitSet();
    private final BitSet defined = new BitSet();

    public DexSecurity(String dexFile) {
        this.dexFile = dexFile;
    }

    private static final java.util.Set<String> NAMES = java.util.Set.of("checkServerTrusted", "verify", "proceed",
            "addJavascriptInterface", "openFileOutput", "getSharedPreferences", "getDir", "openOrCreateDatabase",
            "getInstance", "<init>", "putString");

    /** One entry of the dex's method table; {@code name} is already decoded by the caller. */
    public void reference(int index, String definingClass, String name, MethodReference m) {
        if (!NAMES.contains(name) || !plausible(definingClass, name)) {
            return; // the prototype is decoded only for the few names and classes that can match
        }
        List<String> types = m.getParameterTypes().stream().map(CharSequence::toString).toList();
        WatchedCall call = WatchedCall.of(definingClass, name, types);
        if (call != null) {
            calls.put(index, call);
            watched.set(index);
            return;
        }
        Definition def = Definition.of(name, types, m.getReturnType());
        if (def != null) {
            definitions.put(index, def);
            defined.set(index);
        }
    }

    /** Constructors and getInstance are everywhere: only SecretKeySpec's and Cipher's can matter. */
    private static boolean plausible(String definingClass, String name) {
        return switch (name) {
            case "<init>" -> definingClass.equals("Ljavax/crypto/spec/SecretKeySpec;");
            case "getInstance" -> definingClass.equals("Ljavax/crypto/Cipher;");
            case "proceed" -> definingClass.endsWith("SslErrorHandler;");
            case "putString" -> definingClass.equals("Landroid/content/SharedPreferences$Editor;");
            default -> true;
        };
    }

    public boolean isEmpty() {
        return calls.isEmpty() && definitions.isEmpty();
    }

    /** Called for every invoke of the dex: a bit test. */
    public boolean watches(int methodIndex) {
        return watched.get(methodIndex);
    }

    public boolean defines(int methodIndex) {
        return defined.get(methodIndex);
    }

    /**
     * Analyses one method: its body when it is a TLS-deciding definition, its watched call sites when it has any.
     * @param classType the declaring class's descriptor ("Lcom/x/Y;")
     */
    public void analyse(String classType, Method method, int methodIndex, boolean hasWatchedCall, Consumer<SecurityFlaw> out) {
        MethodImplementation impl = method.getImplementation();
        if (impl == null || (method.getAccessFlags() & (AccessFlags.ABSTRACT.getValue() | AccessFlags.NATIVE.getValue())) != 0) {
            return;
        }
        String className = javaName(classType);
        String signature = Excerpts.method(method.getName(), method.getParameterTypes());
        Definition def = definitions.get(methodIndex);
        if (def == Definition.CHECK_SERVER_TRUSTED && TlsChecks.acceptsEveryCertificate(impl)) {
            out.accept(new SecurityFlaw(SecurityFlawKind.TRUST_ALL_CERTIFICATES, dexFile, className, signature,
                    Excerpts.body(impl.getInstructions()), "no throw, no call that validates"));
        } else if (def == Definition.VERIFY_HOSTNAME && TlsChecks.acceptsEveryHost(impl)) {
            out.accept(new SecurityFlaw(SecurityFlawKind.ACCEPT_ALL_HOSTNAMES, dexFile, className, signature,
                    Excerpts.body(impl.getInstructions()), "returns true"));
        }
        if (hasWatchedCall) {
            CallSiteChecks.check(impl, (ins, kind, detail) ->
                    out.accept(new SecurityFlaw(kind, dexFile, className, signature, ins, detail)));
        }
    }

    static String javaName(String descriptor) {
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor;
    }
}
