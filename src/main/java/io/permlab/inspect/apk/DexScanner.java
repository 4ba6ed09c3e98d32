package io.permlab.inspect.apk;

import com.android.tools.smali.dexlib2.Opcode;
import com.android.tools.smali.dexlib2.Opcodes;
import com.android.tools.smali.dexlib2.ReferenceType;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedClassDef;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedDexFile;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedMethod;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedMethodImplementation;
import com.android.tools.smali.dexlib2.dexbacked.DexBuffer;
import com.android.tools.smali.dexlib2.dexbacked.instruction.DexBackedInstruction;
import com.android.tools.smali.dexlib2.dexbacked.reference.DexBackedFieldReference;
import com.android.tools.smali.dexlib2.dexbacked.reference.DexBackedMethodReference;
import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.util.DexUtil;
import io.permlab.inspect.InspectionException;
import io.permlab.inspect.apk.security.DexSecurity;
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.TargetText;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SdkPresence;
import io.permlab.model.apk.SecurityFlaw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Scans dex files with dexlib2 for embedded SDKs (by class prefix), call sites of sensitive APIs (invokes, static
 * field reads such as {@code ContactsContract.Contacts.CONTENT_URI}, tell-tale strings) and hard-coded http:// URLs.
 * The method, field and string tables are matched first; instructions are then only checked against those indices,
 * so no reference is decoded to text unless it is a hit. The same pass hands the methods that define a TLS check or
 * call a watched API to the security analysis ({@link DexSecurity}).
 */
final class DexScanner {
    /** Below this many classes a dex is scanned on one thread; above it, the second half goes to another core. */
    private static final int SPLIT_ABOVE_CLASSES = 2000;

    private final CodeSignatures signatures;
    private final Executor helpers;
    private final DexTally tally = new DexTally();
    private final List<String> dexFiles = new ArrayList<>();

    DexScanner(CodeSignatures signatures, Executor helpers) {
        this.signatures = signatures;
        this.helpers = helpers;
    }

    /** Scans one dex; a dex that is not one, or that breaks mid-way, fails with the entry named. */
    void scan(String entryName, byte[] bytes) throws InspectionException {
        DexBackedDexFile dex = open(entryName, bytes);
        dexFiles.add(entryName);
        try {
            Hits hits = matchTables(dex, new DexSecurity(entryName));
            List<DexBackedClassDef> classes = new ArrayList<>(dex.getClasses());
            if (classes.size() <= SPLIT_ABOVE_CLASSES) {
                tally.merge(scanClasses(entryName, dex, classes, hits));
                return;
            }
            int half = classes.size() / 2;
            CompletableFuture<DexTally> second = CompletableFuture.supplyAsync(
                    () -> scanClasses(entryName, dex, classes.subList(half, classes.size()), hits), helpers);
            DexTally first = scanClasses(entryName, dex, classes.subList(0, half), hits);
            tally.merge(first);
            tally.merge(second.join());
        } catch (RuntimeException | AssertionError e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new InspectionException(entryName, "corrupt dex file: " + ReadFailure.of(cause), cause);
        }
    }

    private static final int HEADER_BYTES = 0x70;
    private static final int FILE_SIZE_AT = 32;

    /** The dex, its header checked against the bytes really there; dexlib2 reads lazily and trusts the header. */
    private static DexBackedDexFile open(String entryName, byte[] bytes) throws InspectionException {
        if (bytes.length < 8 || bytes[0] != 'd' || bytes[1] != 'e' || bytes[2] != 'x' || bytes[3] != '\n') {
            throw new InspectionException(entryName, "not a dex file: it does not start with the dex magic \"dex\\n\"");
        }
        if (bytes.length < HEADER_BYTES) {
            throw new InspectionException(entryName, "truncated dex file: " + bytes.length + " bytes, shorter than the "
                    + HEADER_BYTES + "-byte header");
        }
        long declared = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(FILE_SIZE_AT));
        if (declared > bytes.length) {
            throw new InspectionException(entryName, "truncated dex file: its header declares " + declared + " bytes, the entry holds "
                    + bytes.length);
        }
        try {
            int version = DexUtil.verifyDexHeader(bytes, 0);
            return new DexBackedDexFile(Opcodes.forDexVersion(version), bytes);
        } catch (DexUtil.UnsupportedFile e) {
            throw new InspectionException(entryName, "not a readable dex file: its version or byte order is not one dexlib2 reads", e);
        } catch (RuntimeException | AssertionError e) {
            throw new InspectionException(entryName, "not a readable dex file: " + ReadFailure.of(e), e);
        }
    }

    /** Which method, field and string indices of this dex are interesting, to the API scan and to the security analysis. */
    private Hits matchTables(DexBackedDexFile dex, DexSecurity security) {
        Hits h = new Hits(security);
        List<DexBackedMethodReference> methods = dex.getMethodSection();
        for (int i = 0; i < methods.size(); i++) {
            DexBackedMethodReference m = methods.get(i);
            String owner = m.getDefiningClass();
            String name = m.getName();
            SensitiveApi api = signatures.members.get(owner + "->" + name);
            if (api != null) {
                h.methods.put(i, new Hit(api, javaName(owner) + "." + name));
            }
            security.reference(i, owner, name, m);
        }
        List<DexBackedFieldReference> fields = dex.getFieldSection();
        for (int i = 0; i < fields.size(); i++) {
            DexBackedFieldReference f = fields.get(i);
            SensitiveApi api = signatures.members.get(f.getDefiningClass() + "->" + f.getName());
            if (api != null) {
                h.fields.put(i, new Hit(api, javaName(f.getDefiningClass()) + "." + f.getName()));
            }
        }
        List<String> strings = dex.getStringSection();
        for (int i = 0; i < strings.size(); i++) {
            // Dex strings are MUTF-8, which can hold a lone surrogate: cleaned before they become evidence.
            String s = TargetText.clean(strings.get(i));
            SensitiveApi api = signatures.apiForString(s);
            if (api != null) {
                h.strings.put(i, new Hit(api, "\"" + s + "\""));
            } else if (CodeSignatures.isEndpoint(s)) {
                h.strings.put(i, new Hit(null, s));
            }
        }
        return h;
    }

    private DexTally scanClasses(String entryName, DexBackedDexFile dex, List<DexBackedClassDef> classes, Hits hits) {
        DexTally part = new DexTally();
        for (DexBackedClassDef cls : classes) {
            String type = cls.getType();
            part.countClass(signatures.sdkOf(type), type);
            if (!hits.isEmpty()) {
                scanMethods(entryName, dex, cls, hits, part);
            }
        }
        return part;
    }

    /** Checks each referencing instruction's index (read straight from the code) against the matched tables. */
    private static void scanMethods(String entryName, DexBackedDexFile dex, DexBackedClassDef cls, Hits hits, DexTally part) {
        DexBuffer code = dex.getDataBuffer();
        for (DexBackedMethod method : cls.getMethods()) {
            DexBackedMethodImplementation impl = method.getImplementation();
            if (impl == null) {
                continue;
            }
            boolean watchedCall = false;
            for (Instruction ins : impl.getInstructions()) {
                Opcode op = ins.getOpcode();
                if (op.referenceType == ReferenceType.NONE || !(ins instanceof DexBackedInstruction dbi)) {
                    continue;
                }
                if (op.referenceType == ReferenceType.METHOD && hits.security.watches(code.readUshort(dbi.instructionStart + 2))) {
                    watchedCall = true;
                }
                Hit hit = switch (op.referenceType) {
                    case ReferenceType.METHOD -> hits.methods.get(code.readUshort(dbi.instructionStart + 2));
                    case ReferenceType.FIELD -> hits.fields.get(code.readUshort(dbi.instructionStart + 2));
                    case ReferenceType.STRING -> hits.strings.get(op == Opcode.CONST_STRING_JUMBO
                            ? code.readSmallUint(dbi.instructionStart + 2) : code.readUshort(dbi.instructionStart + 2));
                    default -> null;
                };
                if (hit != null) {
                    String caller = javaName(cls.getType()) + "." + method.getName();
                    if (hit.api == null) {
                        part.endpoint(hit.text, entryName + ": " + caller);
                    } else {
                        part.callSite(hit.api, new CallSite(caller, hit.text, entryName));
                    }
                }
            }
            if (watchedCall || hits.security.defines(method.getMethodIndex())) {
                hits.security.analyse(cls.getType(), method, method.getMethodIndex(), watchedCall, part::securityFlaw);
            }
        }
    }

    static String javaName(String descriptor) {
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor;
    }

    List<SdkPresence> sdks() {
        return tally.sdks();
    }

    List<ApiUsage> usages() {
        return tally.usages();
    }

    List<HttpEndpoint> endpoints() {
        return tally.endpoints();
    }

    List<String> dexFiles() {
        return dexFiles;
    }

    int classCount() {
        return tally.classCount();
    }

    List<SecurityFlaw> securityFlaws() {
        return tally.securityFlaws();
    }

    private record Hit(SensitiveApi api, String text) {
    }

    private static final class Hits {
        final Map<Integer, Hit> methods = new HashMap<>();
        final Map<Integer, Hit> fields = new HashMap<>();
        final Map<Integer, Hit> strings = new HashMap<>();
        final DexSecurity security;

        Hits(DexSecurity security) {
            this.security = security;
        }

        boolean isEmpty() {
            return methods.isEmpty() && fields.isEmpty() && strings.isEmpty() && security.isEmpty();
        }
    }
}
