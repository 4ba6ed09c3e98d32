package io.permlab.rules;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.testsupport.FixtureApks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped rule is tested from its own data file, with both kinds of case, against fixtures that exist. */
class RuleCaseFilesTest {

    @Test
    void everyRuleHasACaseFileWithPositiveAndNegativeCases() {
        for (Rule rule : RuleSet.all()) {
            assertThat(RuleCaseFile.exists(rule.id())).as("case file %s", RuleCaseFile.resource(rule.id())).isTrue();
            List<RuleCase> cases = RuleCaseFile.load(rule.id());
            assertThat(cases).as("positive cases of %s", rule.id()).anyMatch(RuleCase::positive);
            assertThat(cases).as("negative cases (expect count 0, no criteria) of %s", rule.id()).anyMatch(RuleCase::negative);
        }
    }

    @Test
    void everyRuleHasItsOwnTestClass() {
        for (Rule rule : RuleSet.all()) {
            String testClass = rule.getClass().getName() + "Test";
            assertThat(classExists(testClass)).as("test class %s for %s", testClass, rule.id()).isTrue();
            assertThat(RuleCases.class.isAssignableFrom(load(testClass))).as("%s extends RuleCases", testClass).isTrue();
        }
    }

    @Test
    void everyRuleOfTheKnowledgeBaseIsRegistered() {
        Set<String> registered = RuleSet.all().stream().map(Rule::id).collect(Collectors.toSet());
        List<String> known = KnowledgeBase.builtIn().rules().stream().map(RuleMeta::id).toList();
        assertThat(registered).as("rules registered in RuleSet.all()").containsAll(known);
    }

    @Test
    void everyCaseFileBelongsToARegisteredRule() throws IOException, URISyntaxException {
        Path dir = Path.of(RuleCaseFilesTest.class.getResource("/rules").toURI());
        Set<String> registered = RuleSet.all().stream().map(Rule::id).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).toList();
            assertThat(ids).isNotEmpty();
            assertThat(registered).as("rules of the case files in %s", dir).containsAll(ids);
        }
    }

    @Test
    void everyCaseNamesAnExistingFixture() {
        for (Rule rule : RuleSet.all()) {
            for (RuleCase c : RuleCaseFile.load(rule.id())) {
                for (String fixture : c.fixture().replaceAll("\\.(apks|xapk)$", "").split("\\+")) {
                    assertThat(FixtureApks.sourcesRoot().resolve(fixture).resolve("AndroidManifest.xml"))
                            .as("fixture of %s case '%s'", rule.id(), c.name()).isRegularFile();
                }
            }
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
