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
                .layer("testng").definedBy("io.permlab.testng..")
                .layer("batch").definedBy("io.permlab.batch..")
                .layer("pipeline").definedBy("io.permlab.pipeline..")
                .layer("report").definedBy("io.permlab.report..")
                .layer("rules").definedBy("io.permlab.rules..")
                .layer("capture").definedBy("io.permlab.capture..")
                .layer("device").definedBy("io.permlab.device..")
                .layer("exercise").definedBy("io.permlab.exercise..")
                .layer("inspect").definedBy("io.permlab.inspect..")
                .layer("knowledge").definedBy("io.permlab.knowledge..")
                .layer("model").definedBy("io.permlab.model..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("testng").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli", "batch", "testng")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "batch", "testng")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("pipeline", "cli", "batch", "testng")
                .whereLayer("capture").mayOnlyBeAccessedByLayers("report", "pipeline", "cli", "testng")
                .whereLayer("device").mayOnlyBeAccessedByLayers("pipeline", "cli", "batch", "testng")
                .whereLayer("exercise").mayOnlyBeAccessedByLayers("device", "capture", "pipeline", "cli", "batch", "testng")
                .whereLayer("inspect").mayOnlyBeAccessedByLayers("pipeline", "cli", "batch", "testng")
                .whereLayer("knowledge").mayOnlyBeAccessedByLayers("inspect", "exercise", "device", "capture", "rules", "report", "pipeline", "cli", "batch", "testng")
                .because("evidence flows one way: inspect/exercise -> rules -> reports; the exercise talks only to its Session "
                        + "interface, which the device adapters implement; rules never talk to devices, reports never decide");
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
        noClasses().that().resideOutsideOfPackage("io.permlab.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.openqa.selenium..", "io.appium..")
                .because("Selenium and Appium types never leave the device adapters")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void serversAndParsersStayInTheirPackages() {
        noClasses().that().resideOutsideOfPackage("io.permlab.pipeline.site..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.net.httpserver..")
                .because("only the sample-site server serves HTTP")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.permlab.exercise.flow..", "io.permlab.json..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .because("Jackson's streaming parser is used only by the strict JSON helper and the flow parser, which need line and column")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.permlab.knowledge..", "io.permlab.inspect.miniprogram..")
                .or().haveFullyQualifiedName("io.permlab.device.web.DeviceProfiles")
                .or().haveFullyQualifiedName("io.permlab.capture.PersonaReader")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..")
                .because("strict files (knowledge, device profiles, personas, app.json) are read through io.permlab.json only")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.permlab.inspect.miniprogram..")
                .should().dependOnClassesThat().resideInAnyPackage("com.oracle.js..", "com.oracle.truffle..", "org.graalvm..")
                .because("GraalJS's parser (and the Truffle types it brings) never leaves the mini-program adapter")
                .check(classes);
    }

    @Test
    void librariesStayWhereTheyBelong() {
        noClasses().that().resideOutsideOfPackage("io.permlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "me.tongfei..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.permlab.testng..")
                .should().dependOnClassesThat().resideInAnyPackage("org.testng..", "io.qameta.allure..")
                .because("the TestNG suite and its Allure steps are one adapter for QA teams")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.permlab.report.html..")
                .should().dependOnClassesThat().resideInAnyPackage("freemarker..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.permlab.batch..", "io.permlab.device.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "java.sql..")
                .because("the campaign journal is the only database PermLab writes; an app's databases pulled from a device are read in device.storage")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.permlab.report.campaign..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..")
                .because("only the campaign workbook is written with POI")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.permlab.rules..", "io.permlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..")
                .because("rules decide and the model holds data; JSON is the loaders' and renderers' business")
                .check(classes);
    }

    /**
     * Each evidence section's types stay with the code of that section: its stage, its rules, its masker and HTML view,
     * and the registries that name it. The engine, the pipeline, the other families' rules and every other writer
     * work with sections they do not know (docs/architecture.md, "Evidence sections").
     */
    @Test
    void eachSectionsTypesStayWithItsOwnStageRulesAndViews() {
        // the Android rules join the manifest with the runs through one reader of it (rules.android.ManifestPermissions)
        section("io.permlab.model.apk..", "io.permlab.rules.apk..", "io.permlab.inspect.apk..",
                "io\\.permlab\\.(pipeline\\.inspect\\.ApkStage|rules\\.policy\\.ApkObservations|rules\\.android\\.ManifestPermissions|report\\.(ApkMasking|SectionMaskers|html\\.(ApkSectionHtml|EvidenceViews?)))(\\$.*)?");
        section("io.permlab.model.miniprogram..", "io.permlab.rules.miniprogram..", "io.permlab.inspect.miniprogram..",
                "io\\.permlab\\.(pipeline\\.inspect\\.MiniProgramStage|rules\\.policy\\.MiniProgramObservations|report\\.(MiniProgramMasking|SectionMaskers|html\\.(MiniProgramSectionHtml|MiniProgramViews?)))(\\$.*)?");
        // the exploration is what the exercise produces; the TestNG adapter cuts it into cases
        section("io.permlab.model.dynamic..", "io.permlab.rules.dynamic..", "io.permlab.exercise..",
                "io\\.permlab\\.(pipeline\\.dynamic\\..*|rules\\.policy\\.ExplorationObservations|rules\\.android\\..*|batch\\.PipelineInspector|testng\\..*|device\\.(web|miniprogram|android|uiautomator)\\..*|capture\\..*|report\\.(ExplorationMasking|SectionMaskers|html\\.(ExplorationSectionHtml|ExplorationViews?)))(\\$.*)?");
        // the policy rules compare the policy with what the other sections observed, each through one reader of it
        // (rules.policy.*Observations above); the policy itself is read by the policy rules and views only
        section("io.permlab.model.policy..", "io.permlab.rules.policy..", "io.permlab.inspect.policy..",
                "io\\.permlab\\.(pipeline\\.policy\\..*|report\\.(PolicyMasking|SectionMaskers|html\\.(PolicySectionHtml|SectionHtmls)))(\\$.*)?");
        // the device's facts and what of its traffic and storage could be seen: collected by the device code, joined to runs by the Android rules
        section("io.permlab.model.android..", "io.permlab.rules.android..", "io.permlab.device..",
                "io\\.permlab\\.(pipeline\\.dynamic\\..*|batch\\.PipelineInspector|report\\.(DeviceEvidenceMasking|DeviceCaptureMasking|SectionMaskers|html\\.(DeviceSectionHtml|DeviceCaptureSectionHtml)))(\\$.*)?");
    }

    private static void section(String sectionPackage, String rulesPackage, String producerPackage, String ownersRegex) {
        noClasses().that().resideOutsideOfPackages(sectionPackage, rulesPackage, producerPackage, "io.permlab.model")
                .and().haveNameNotMatching(ownersRegex)
                .should().dependOnClassesThat().resideInAPackage(sectionPackage)
                .because("a section's types are read only by its own rules and shown only by its own views; the pipeline, the "
                        + "engine and other writers go through EvidenceSection and the registries")
                .check(classes);
    }

    @Test
    void thePipelineAndTheEngineKnowNoSectionType() {
        noClasses().that().resideInAnyPackage("io.permlab.pipeline", "io.permlab.rules", "io.permlab.cli")
                .should().dependOnClassesThat().resideInAnyPackage("io.permlab.model.apk..", "io.permlab.model.miniprogram..",
                        "io.permlab.model.dynamic..", "io.permlab.model.policy..")
                .because("stages contribute sections and rules read them; the steps between never test which one is there")
                .check(classes);
    }

    @Test
    void noCycles() {
        slices().matching("io.permlab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
