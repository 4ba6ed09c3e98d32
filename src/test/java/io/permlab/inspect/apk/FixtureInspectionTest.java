package io.permlab.inspect.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.testsupport.FixtureApks;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture under src/test/fixtures/apk builds, and the inspector reads it whole, without a problem. */
class FixtureInspectionTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureInspectsCleanly() throws IOException {
        List<String> fixtures;
        try (Stream<Path> dirs = Files.list(FixtureApks.sourcesRoot())) {
            fixtures = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(10);
        return fixtures.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            InspectionChecks.noProblems(name);
            ApkFacts facts = InspectedFixtures.inspect(name).facts();
            assertThat(facts.packageName()).isEqualTo(FixtureApks.packageOf(name));
            assertThat(facts.dexFiles()).startsWith("classes.dex");
            assertThat(facts.classCount()).isPositive();
            assertThat(facts.bundleApks()).isEmpty();
        }));
    }
}
