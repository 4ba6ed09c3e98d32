package io.permlab.it;

import com.android.tools.smali.dexlib2.Opcode;
import com.android.tools.smali.dexlib2.Opcodes;
import com.android.tools.smali.dexlib2.ReferenceType;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedClassDef;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedDexFile;
import com.android.tools.smali.dexlib2.dexbacked.DexBackedMethod;
import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.iface.instruction.NarrowLiteralInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.OneRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.ReferenceInstruction;
import com.android.tools.smali.dexlib2.iface.reference.MethodReference;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SecurityFlaw;
import io.permlab.model.apk.SecurityFlawKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real APKs written by others (npm, see {@link ThirdPartyApks}) produce no false TLS findings. The test reads every
 * dex of each APK itself, straight from the zip, finds every implementation of checkServerTrusted(X509Certificate[],
 * String…) and verify(String, SSLSession), and decides from their instructions which accept everything: a trust
 * manager that never throws and calls nothing that could throw CertificateException (only logging / string
 * building); a verifier whose body is "const vX, 1; return vX". PermLab must flag exactly those.
 */
class SecurityFlawsOnRealApksTest {
    private static final Set<String> CANNOT_THROW_CERTIFICATE_EXCEPTION = Set.of("Landroid/util/Log;",
            "Ljava/lang/StringBuilder;", "Ljava/lang/String;", "Ljava/io/PrintStream;", "Ljava/lang/Object;");

    /** The second column: how many validating trust managers the test's own reading finds (uiautomator2's libraries carry 11). */
    @ParameterizedTest
    @CsvSource({"node_modules/android-apidemos/apks/ApiDemos-debug.apk, 0",
            "node_modules/io.appium.settings/apks/settings_apk-debug.apk, 0",
            "node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-v10.6.6.apk, 11",
            "node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-debug-androidTest.apk, 0"})
    void flagsExactlyTheTlsChecksThatAcceptEverything(String relative, int validating, @TempDir Path work) throws Exception {
        Path apk = ThirdPartyApks.home().resolve(relative);
        assertThat(apk).as("fetched by npm ci").isRegularFile();
        ApkFacts facts = new ApkInspector(KnowledgeBase.builtIn(), InspectionLimits.defaults()).inspect(apk, work).facts();

        List<String> acceptAllManagers = new ArrayList<>();
        List<String> validatingManagers = new ArrayList<>();
        List<String> acceptAllVerifiers = new ArrayList<>();
        for (DexBackedMethod m : methods(apk)) {
            List<String> params = m.getParameterTypes().stream().map(CharSequence::toString).toList();
            if (m.getImplementation() == null) {
                continue;
            }
            String where = m.getDefiningClass() + "->" + m.getName();
            if (m.getName().equals("checkServerTrusted") && params.size() >= 2
                    && params.get(0).equals("[Ljava/security/cert/X509Certificate;")) {
                (neverRejects(m) ? acceptAllManagers : validatingManagers).add(where);
            }
            if (m.getName().equals("verify") && params.equals(List.of("Ljava/lang/String;", "Ljavax/net/ssl/SSLSession;"))
                    && returnsConstantTrue(m)) {
                acceptAllVerifiers.add(where);
            }
        }
        System.out.printf("%s: %d trust managers accept all, %d validate; %d verifiers accept all; %d security flaws%n",
                apk.getFileName(), acceptAllManagers.size(), validatingManagers.size(), acceptAllVerifiers.size(),
                facts.securityFlaws().size());

        assertThat(flagged(facts, SecurityFlawKind.TRUST_ALL_CERTIFICATES)).containsExactlyInAnyOrderElementsOf(acceptAllManagers);
        assertThat(flagged(facts, SecurityFlawKind.ACCEPT_ALL_HOSTNAMES)).containsExactlyInAnyOrderElementsOf(acceptAllVerifiers);
        assertThat(validatingManagers).as("trust managers that throw or delegate").hasSize(validating);
        assertThat(flagged(facts, SecurityFlawKind.TRUST_ALL_CERTIFICATES)).noneMatch(validatingManagers::contains);
    }

    private static List<String> flagged(ApkFacts facts, SecurityFlawKind kind) {
        return facts.securityFlaws(kind).stream().map(SecurityFlawsOnRealApksTest::descriptor).toList();
    }

    private static String descriptor(SecurityFlaw f) {
        return "L" + f.className().replace('.', '/') + ";->" + f.method().substring(0, f.method().indexOf('('));
    }

    /** No throw instruction, and every call goes to a class that cannot throw CertificateException. */
    private static boolean neverRejects(DexBackedMethod m) {
        for (Instruction ins : m.getImplementation().getInstructions()) {
            if (ins.getOpcode() == Opcode.THROW) {
                return false;
            }
            if (ins.getOpcode().referenceType == ReferenceType.METHOD
                    && !CANNOT_THROW_CERTIFICATE_EXCEPTION.contains(((MethodReference) ((ReferenceInstruction) ins).getReference()).getDefiningClass())) {
                return false;
            }
        }
        return true;
    }

    /** Exactly "const/4 vX, 1" (or const/16, const) followed by "return vX". */
    private static boolean returnsConstantTrue(DexBackedMethod m) {
        List<Instruction> code = new ArrayList<>();
        m.getImplementation().getInstructions().forEach(code::add);
        return code.size() == 2 && code.get(0) instanceof NarrowLiteralInstruction lit && lit.getNarrowLiteral() == 1
                && code.get(1).getOpcode() == Opcode.RETURN
                && ((OneRegisterInstruction) code.get(0)).getRegisterA() == ((OneRegisterInstruction) code.get(1)).getRegisterA();
    }

    private static List<DexBackedMethod> methods(Path apk) throws IOException {
        List<DexBackedMethod> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().matches("classes\\d*\\.dex")) {
                    continue;
                }
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                DexBackedDexFile dex = new DexBackedDexFile(Opcodes.forApi(34), bytes);
                for (DexBackedClassDef c : dex.getClasses()) {
                    c.getMethods().forEach(out::add);
                }
            }
        }
        return out;
    }
}
