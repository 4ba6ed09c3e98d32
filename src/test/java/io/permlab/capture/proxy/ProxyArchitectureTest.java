package io.permlab.capture.proxy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * LittleProxy, netty and BouncyCastle stay inside the proxy package; the adb proxy setting needs only the JDK. (The
 * layer rules of io.permlab.ArchitectureTest hold both packages too.)
 */
class ProxyArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.permlab");

    @Test
    void proxyLibrariesStayInTheProxyPackage() {
        noClasses().that().resideOutsideOfPackage("io.permlab.capture.proxy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.littleshoot..", "io.netty..", "org.bouncycastle..")
                .because("the proxy's engine and its certificate builder are one adapter")
                .check(CLASSES);
    }

    @Test
    void theDeviceProxySettingNeedsOnlyTheJdk() {
        classes().that().resideInAPackage("io.permlab.device.adbproxy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.permlab.device.adbproxy..", "java..")
                .because("it runs adb through AdbShell and nothing else, so a scripted double can stand in for the device")
                .check(CLASSES);
    }
}
