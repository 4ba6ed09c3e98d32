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
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SdkPresence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans dex files with dexlib2 for embedded SDKs (by class prefix), call sites of sensitive APIs (invokes, static
 * field reads such as {@code ContactsContract.Contacts.CONTENT_URI}, tell-tale strings) and hard-coded http:// URLs.
 * The method, field and string tables are matched first; instructions are then only checked against those indices,
 * so no reference is decoded to text unless it is a hit.
 */
final class DexScanner {
    static final int CALL_SITES_KEPT_PER_API = 20;
    static final int ENDPOINTS_KEPT = 200;

    private final CodeSignatures signatures;
    private final Map<String, SdkTally> sdks = new LinkedHashMap<>();
    private final Map<String, UsageTally> usages = new LinkedHashMap<>();
    private final Map<String, EndpointTally> endpoints = new LinkedHashMap<>();
    private final List<String> dexFiles = new ArrayList<>();
    private int classCount;

    DexScanner(CodeSignatures signatures) {
        this.signatures = signatures;
    }

    /** Scans one dex; a dex that is not one, or that breaks mid-way, fails with the entry named. */
    void scan(String entryName, byte[] bytes) throws InspectionException {
        DexBackedDexFile dex;
        try {
            int version = DexUtil.verifyDexHeader(bytes, 0);
            dex = new DexBackedDexFile(Opcodes.forDexVersion(version), bytes);
        } catch (RuntimeException e) {
            throw new InspectionException(entryName, "not a readable dex file (" + ApktoolResources.rootMessage(e) + ")", e);
        }
        dexFiles.add(entryName);
        try {
            Hits hits = matchTables(dex);
            for (DexBackedClassDef cls : dex.getClasses()) {
                classCount++;
                String type = cls.getType();
                CodeSignatures.SdkPrefix sdk = signatures.sdkOf(type);
                if (sdk != null) {
                    sdks.computeIfAbsent(sdk.sdk().id() + "|" + sdk.prefix(), k -> new SdkTally(sdk, type)).count++;
                }
                if (!hits.isEmpty()) {
                    scanMethods(entryName, dex, cls, hits);
                }
            }
        } catch (RuntimeException e) {
            throw new InspectionException(entryName, "corrupt dex file (" + ApktoolResources.rootMessage(e) + ")", e);
        }
    }

    /** Which method, field and string indices of this dex are interesting. */
    private Hits matchTables(DexBackedDexFile dex) {
        Hits h = new Hits();
        List<DexBackedMethodReference> methods = dex.getMethodSection();
        for (int i = 0; i < methods.size(); i++) {
            DexBackedMethodReference m = methods.get(i);
            SensitiveApi api = signatures.members.get(m.getDefiningClass() + "->" + m.getName());
            if (api != null) {
                h.methods.put(i, new Hit(api, javaName(m.getDefiningClass()) + "." + m.getName()));
            }
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
            String s = strings.get(i);
            SensitiveApi api = signatures.apiForString(s);
            if (api != null) {
                h.strings.put(i, new Hit(api, "\"" + s + "\""));
            } else if (CodeSignatures.isEndpoint(s)) {
                h.strings.put(i, new Hit(null, s));
            }
        }
        return h;
    }

    private void scanMethods(String entryName, DexBackedDexFile dex, DexBackedClassDef cls, Hits hits) {
        DexBuffer code = dex.getDataBuffer();
        for (DexBackedMethod method : cls.getMethods()) {
            DexBackedMethodImplementation impl = method.getImplementation();
            if (impl == null) {
                continue;
            }
            for (Instruction ins : impl.getInstructions()) {
                Opcode op = ins.getOpcode();
                if (op.referenceType == ReferenceType.NONE || !(ins instanceof DexBackedInstruction dbi)) {
                    continue;
                }
                Hit hit = switch (op.referenceType) {
                    case ReferenceType.METHOD -> hits.methods.get(code.readUshort(dbi.instructionStart + 2));
                    case ReferenceType.FIELD -> hits.fields.get(code.readUshort(dbi.instructionStart + 2));
                    case ReferenceType.STRING -> hits.strings.get(op == Opcode.CONST_STRING_JUMBO
                            ? code.readSmallUint(dbi.instructionStart + 2) : code.readUshort(dbi.instructionStart + 2));
                    default -> null;
                };
                if (hit != null) {
                    record(entryName, cls, method, hit);
                }
            }
        }
    }

    private void record(String entryName, DexBackedClassDef cls, DexBackedMethod method, Hit hit) {
        String caller = javaName(cls.getType()) + "." + method.getName();
        if (hit.api == null) {
            EndpointTally t = endpoints.get(hit.text);
            if (t == null && endpoints.size() < ENDPOINTS_KEPT) {
                endpoints.put(hit.text, new EndpointTally(entryName + ": " + caller));
            } else if (t != null) {
                t.count++;
            }
            return;
        }
        UsageTally u = usages.computeIfAbsent(hit.api.id(), k -> new UsageTally());
        u.count++;
        if (u.sites.size() < CALL_SITES_KEPT_PER_API) {
            u.sites.add(new CallSite(caller, hit.text, entryName));
        }
    }

    static String javaName(String descriptor) {
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor;
    }

    List<SdkPresence> sdks() {
        List<SdkPresence> out = new ArrayList<>();
        sdks.values().forEach(t -> out.add(new SdkPresence(t.prefix.sdk().id(), t.prefix.prefix(), t.count, javaName(t.example))));
        return out;
    }

    List<ApiUsage> usages() {
        List<ApiUsage> out = new ArrayList<>();
        usages.forEach((id, t) -> out.add(new ApiUsage(id, t.count, t.sites)));
        return out;
    }

    List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> out = new ArrayList<>();
        endpoints.forEach((url, t) -> out.add(new HttpEndpoint(url, t.where, t.count)));
        return out;
    }

    List<String> dexFiles() {
        return dexFiles;
    }

    int classCount() {
        return classCount;
    }

    private record Hit(SensitiveApi api, String text) {
    }

    private static final class Hits {
        final Map<Integer, Hit> methods = new HashMap<>();
        final Map<Integer, Hit> fields = new HashMap<>();
        final Map<Integer, Hit> strings = new HashMap<>();

        boolean isEmpty() {
            return methods.isEmpty() && fields.isEmpty() && strings.isEmpty();
        }
    }

    private static final class SdkTally {
        final CodeSignatures.SdkPrefix prefix;
        final String example;
        int count;

        SdkTally(CodeSignatures.SdkPrefix prefix, String example) {
            this.prefix = prefix;
            this.example = example;
        }
    }

    private static final class UsageTally {
        int count;
        final List<CallSite> sites = new ArrayList<>();
    }

    private static final class EndpointTally {
        final String where;
        int count = 1;

        EndpointTally(String where) {
            this.where = where;
        }
    }
}
