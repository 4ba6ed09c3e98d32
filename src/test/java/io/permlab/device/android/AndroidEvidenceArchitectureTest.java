package io.permlab.device.android;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Android evidence readers stay pure: strings and XML in, typed evidence out. The session that runs adb and Appium
 * is built on top of them later; it must never be needed to test them. (The layer rules of io.permlab.ArchitectureTest
 * already hold this package as part of "device".)
 */
class AndroidEvidenceArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.permlab.device.android");

    @Test
    void readsOnlyWithTheJdkGsonAndTheStrictJsonHelper() {
        classes().that().resideInAPackage("io.permlab.device.android..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.permlab.device.android..", "java..",
                        "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "com.google.gson..", "io.permlab.json..",
                        "io.permlab.knowledge..")
                .because("the parsers are tested on recorded outputs, without a device, Appium or adb")
                .check(CLASSES);
    }

    @Test
    void startsNoProcessAndOpensNoConnection() {
        noClasses().that().resideInAPackage("io.permlab.device.android..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Runtime.class.getName())
                .because("running adb belongs to the device session, not to the readers of its output")
                .check(CLASSES);
    }
}
