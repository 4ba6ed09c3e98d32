package io.permlab.it.dynamic;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testng.TestNG;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QA team's way in: tests/testng.xml run by TestNG (as 'mvn -Pinspections verify' does), with permlab.home set to
 * the project and allure.results.directory (read by allure-java from system properties over allure.properties) set
 * to a temporary folder. One TestNG test per target × function × policy; a test fails when its run proves a finding;
 * each leaves an Allure result with steps, screenshots, the HAR and the permission log.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class InspectionSuiteTest {
    private static final String NON_COMPLIANT = "demo-delivery · add-address · ";
    private static final String COMPLIANT = "demo-delivery-compliant · add-address · ";
    private static final List<String> POLICIES = List.of("grant", "deny-geolocation", "approximate-geolocation");
    private static final String NEARBY = "demo-delivery · nearby-orders · ";
    private static final String COMPLIANT_NEARBY = "demo-delivery-compliant · nearby-orders · ";

    @TempDir
    static Path dir;
    private static Map<String, TestNgOutcomes.Outcome> outcomes;
    private static List<String> testNames;
    private static String previousResultsDirectory;
    private static AllureResults allure;

    @BeforeAll
    static void runTheSuite() throws Exception {
        assertThat(Path.of(System.getProperty("permlab.home", "")).toAbsolutePath().normalize())
                .as("the suite resolves targets against permlab.home").isEqualTo(Project.home());
        Path results = dir.resolve("allure-results");
        previousResultsDirectory = System.setProperty("allure.results.directory", results.toString());
        Allure.setLifecycle(new AllureLifecycle()); // reads the property now, whatever used Allure before in this JVM
        List<XmlSuite> suites = new Parser(Project.home().resolve("tests/testng.xml").toString()).parseToList();
        for (XmlSuite suite : suites) {
            for (XmlTest test : suite.getTests()) {
                test.addParameter("out", dir.resolve("inspections").toString()); // not into the checkout's target/
            }
        }
        TestNgOutcomes listener = new TestNgOutcomes();
        TestNG testng = new TestNG();
        testng.setXmlSuites(suites);
        testng.setOutputDirectory(dir.resolve("testng-output").toString());
        testng.addListener(listener);
        testng.run();
        outcomes = listener.byName();
        testNames = listener.names();
        allure = new AllureResults(results);
    }

    @AfterAll
    static void restoreAllure() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
        if (previousResultsDirectory == null) {
            System.clearProperty("allure.results.directory");
        } else {
            System.setProperty("allure.results.directory", previousResultsDirectory);
        }
        Allure.setLifecycle(new AllureLifecycle());
    }

    @Test
    void oneTestPerTargetFunctionAndPolicy() {
        // the order list prompts for nothing: its baseline, and the run declining the privacy policy (named only
        // there: the founding case's add-address stays 1 + 2 runs, the benchmark's)
        assertThat(testNames).containsExactlyInAnyOrderElementsOf(Stream.concat(
                POLICIES.stream().flatMap(p -> Stream.of(NON_COMPLIANT + p, COMPLIANT + p)),
                Stream.of("grant", "refuse-consent").flatMap(p -> Stream.of(NEARBY + p, COMPLIANT_NEARBY + p))).toList());
    }

    @Test
    void noBrowserOutlivesTheSuite() throws Exception {
        assertThat(Leftovers.awaitNone(dir.toString(), ProcessHandle.current(), Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void theNonCompliantRefusedRunsFailWithTheFindingTheyProve() {
        assertFailed(NON_COMPLIANT + "deny-geolocation", "DYN-PERM-MANDATORY", "Add a delivery address", "认定方法 四.2");
        assertFailed(NON_COMPLIANT + "approximate-geolocation", "DYN-PRECISE-LOCATION-MANDATORY");
    }

    @Test
    void theNonCompliantOrderListRefusesServiceOnceThePolicyIsDeclined() {
        assertFailed(NEARBY + "refuse-consent", "DYN-CONSENT-MANDATORY", "Nearby orders", "PIPL");
        assertThat(outcomes.get(NEARBY + "grant").message()).doesNotContain("DYN-CONSENT-MANDATORY");
    }

    @Test
    void theNonCompliantBaselineFailsWithWhatItsTrafficAndStorageShow() {
        assertFailed(NON_COMPLIANT + "grant", "DYN-PI-PLAINTEXT-STORAGE");
        assertThat(outcomes.get(NON_COMPLIANT + "grant").message()).doesNotContain("DYN-PERM-MANDATORY");
    }

    @Test
    void theCompliantTwinPassesEveryPolicy() {
        Stream.concat(POLICIES.stream().map(p -> COMPLIANT + p), Stream.of(COMPLIANT_NEARBY + "grant", COMPLIANT_NEARBY + "refuse-consent"))
                .forEach(test -> assertThat(outcomes.get(test)).as(test)
                        .isEqualTo(new TestNgOutcomes.Outcome(TestNgOutcomes.Status.PASSED, "")));
    }

    @Test
    void eachTestHasOneAllureResultWithItsStatusAndSteps() {
        Map<String, AllureResults.Result> results = allureByTest();
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(outcomes.keySet());
        results.forEach((test, r) -> {
            assertThat(r.status()).as(test).isEqualTo(outcomes.get(test).status() == TestNgOutcomes.Status.PASSED ? "passed" : "failed");
            assertThat(r.steps()).as(test).extracting(s -> s.get("name").getAsString()).anySatisfy(s -> assertThat(s).startsWith("open "));
        });
    }

    @Test
    void eachAllureResultIsNamedAfterItsTest() {
        allureByTest().forEach((test, r) -> assertThat(r.name()).as("the Allure result of " + test).isEqualTo(test));
    }

    /** Allure's report merges results with one historyId into one test with retries, showing only the last. */
    @Test
    void eachAllureResultHasItsOwnHistoryId() {
        Map<String, AllureResults.Result> results = allureByTest();
        assertThat(results.values()).extracting(r -> r.json().get("historyId").getAsString())
                .as("historyIds of %s", results.keySet()).doesNotHaveDuplicates();
    }

    @Test
    void eachAllureResultCarriesScreenshotsTheHarAndThePermissionLog() {
        allureByTest().forEach((test, r) -> {
            List<AllureResults.Attachment> attachments = r.attachments();
            assertThat(attachments).as(test).allSatisfy(a -> assertThat(a.file()).isRegularFile());
            assertThat(attachments).as(test + ": a PNG screenshot").filteredOn(a -> a.type().equals("image/png"))
                    .isNotEmpty().allSatisfy(a -> assertThat(bytes(a.file())).startsWith(0x89, 'P', 'N', 'G'));
            assertThat(attachments).as(test + ": the HAR").filteredOn(a -> a.name().equals("traffic.har"))
                    .singleElement().satisfies(a -> assertThat(a.file()).content().contains("\"log\"", "\"entries\""));
            assertThat(attachments).as(test + ": the permission log").filteredOn(a -> a.name().equals("permission requests"))
                    .singleElement().satisfies(a -> {
                        assertThat(a.type()).isEqualTo("text/plain");
                        if (test.contains(" · add-address · ")) { // the function that asks for the position
                            assertThat(a.file()).content().contains("geolocation");
                        }
                    });
        });
    }

    /** Step names carry typed text, failure messages carry URLs with coordinates: both masked as in reports. */
    @Test
    void nothingTheSuiteWritesHoldsThePhoneNumberOrThePrecisePosition() throws IOException {
        List<Path> leaking;
        try (Stream<Path> files = Files.walk(dir)) {
            leaking = files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png"))
                    .filter(f -> Stream.of("13812345678", "31.230416", "121.473701").anyMatch(new String(bytes(f), StandardCharsets.ISO_8859_1)::contains))
                    .toList();
        }
        assertThat(leaking).as("files holding the unmasked phone number or precise position").isEmpty();
        assertThat(allureByTest().values()).anyMatch(r -> r.steps().stream().anyMatch(step -> step.get("name").getAsString().contains("138****5678")));
    }

    private static Map<String, AllureResults.Result> allureByTest() {
        return allure.byTest(List.of(Project.sample("demo-delivery"), Project.sample("demo-delivery-compliant")));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertFailed(String test, String... inMessage) {
        TestNgOutcomes.Outcome outcome = outcomes.get(test);
        assertThat(outcome).as(test).isNotNull();
        assertThat(outcome.status()).as(test).isEqualTo(TestNgOutcomes.Status.FAILED);
        assertThat(outcome.message()).as(test).contains(inMessage);
    }
}
