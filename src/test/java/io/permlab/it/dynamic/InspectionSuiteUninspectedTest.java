package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target the suite cannot inspect is not missing from the QA team's results: it is one TestNG test and one Allure
 * result, "broken" (inconclusive), naming why. The target does not exist, so no browser starts.
 */
class InspectionSuiteUninspectedTest {
    @Test
    void aTargetThatCannotBeInspectedIsOneBrokenTestNamingWhy(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("allure-results");
        String previous = System.setProperty("allure.results.directory", results.toString());
        try {
            Allure.setLifecycle(new AllureLifecycle());
            XmlSuite suite = new XmlSuite();
            suite.setName("uninspected");
            XmlTest test = new XmlTest(suite);
            test.setName("missing target");
            test.setParameters(Map.of("targets", "apps/no-such-sample", "out", dir.resolve("inspections").toString()));
            test.setXmlClasses(List.of(new XmlClass("io.permlab.testng.InspectionSuite")));
            TestNgOutcomes listener = new TestNgOutcomes();
            TestNG testng = new TestNG();
            testng.setXmlSuites(List.of(suite));
            testng.setOutputDirectory(dir.resolve("testng-output").toString());
            testng.addListener(listener);
            testng.run();

            assertThat(listener.names()).containsExactly("no-such-sample · not inspected");
            TestNgOutcomes.Outcome outcome = listener.byName().get("no-such-sample · not inspected");
            assertThat(outcome.status()).isEqualTo(TestNgOutcomes.Status.FAILED);
            assertThat(outcome.message()).contains("could not be inspected", "no such file or folder");

            List<JsonObject> written = new ArrayList<>();
            try (Stream<Path> files = Files.list(results)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
                    written.add(JsonParser.parseString(Files.readString(f)).getAsJsonObject());
                }
            }
            assertThat(written).singleElement().satisfies(r -> {
                assertThat(r.get("name").getAsString()).isEqualTo("no-such-sample · not inspected");
                assertThat(r.get("status").getAsString()).isEqualTo("broken");
            });
        } finally {
            if (previous == null) {
                System.clearProperty("allure.results.directory");
            } else {
                System.setProperty("allure.results.directory", previous);
            }
            Allure.setLifecycle(new AllureLifecycle());
        }
    }
}
