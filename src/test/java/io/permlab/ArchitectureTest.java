package io.permlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The pipeline's boundaries (ARCHITECTURE.md): dependencies point one way, from the CLI down to the model, and
 * third-party engines (apktool, dexlib2, Selenium, Appium, FreeMarker, picocli) stay inside their adapter packages.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(location -> !location.contains("/test-classes/")).importPackages("io.permlab");
    }

    @Test
    void stagesDependOneWay() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.permlab.cli..")
                .layer("pipeline").definedBy("io.permlab.pipeline..")
                .layer("report").definedBy("io.permlab.report..")
                .layer("rules").definedBy("io.permlab.rules..")
                .layer("inspect").definedBy("io.permlab.inspect..")
                .layer("knowledge").definedBy("io.permlab.knowledge..")
                .layer("model").definedBy("io.permlab.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("pipeline", "cli")
                .whereLayer("inspect").mayOnlyBeAccessedByLayers("pipeline", "cli")
                .whereLayer("knowledge").mayOnlyBeAccessedByLayers("inspect", "rules", "report", "pipeline", "cli")
                .because("evidence flows one way: inspect -> rules -> reports; rules never talk to devices, reports never decide");
        rule.check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.permlab.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.permlab.model..", "java..")
                .because("the model is plain data every stage shares")
                .check(classes);
    }

    @Test
    void apktoolAndDexlibStayInTheApkAdapter() {
        noClasses().that().resideOutsideOfPackage("io.permlab.inspect.apk..")
                .should().dependOnClassesThat().resideInAnyPackage("brut..", "com.android.tools.smali..", "org.xmlpull..", "org.antlr..")
                .because("apktool's types never leave the APK adapter")
                .check(classes);
    }

    @Test
    void browserAndDeviceDriversStayInTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("io.permlab.device..", "io.permlab.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openqa.selenium..", "io.appium..")
                .because("Selenium and Appium types never leave the device adapters")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void librariesStayWhereTheyBelong() {
        noClasses().that().resideOutsideOfPackage("io.permlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "me.tongfei..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.permlab.report.html..")
                .should().dependOnClassesThat().resideInAnyPackage("freemarker..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.permlab.rules..", "io.permlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..")
                .because("rules decide and the model holds data; JSON is the loaders' and renderers' business")
                .check(classes);
    }

    @Test
    void noCycles() {
        slices().matching("io.permlab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
