package io.permlab.rules;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.testsupport.FixtureApks;
import io.permlab.testsupport.MiniProgramFixtures;
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

/**
 * Every shipped static rule is tested from its own data file, with both kinds of case, against fixtures that exist;
 * every dynamic rule (judged on runs, not fixtures) is exercised by the hand-built runs in rules/dynamic.
 */
class RuleCaseFilesTest {

    /** Rules over static fixtures (APKs, mini-programs); dynamic rules need runs, built in their own tests. */
    private static List<Rule> staticRules() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        return RuleSet.all().stream().filter(r -> kb.rule(r.id()).map(m -> m.kind().equals("static")).orElse(true)).toList();
    }

    @Test
    void everyDynamicRuleIsExercisedByTheRunTests() throws IOException {
        Path tests = Path.of(System.getProperty("permlab.home", "")).toAbsolutePath().resolve("src/test/java/io/permlab/rules/dynamic");
        String sources;
        try (Stream<Path> files = Files.list(tests)) {
            sources = files.filter(f -> f.toString().endsWith("Test.java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        KnowledgeBase kb = KnowledgeBase.builtIn();
        for (Rule rule : RuleSet.all()) {
            if (kb.rule(rule.id()).map(m -> m.kind().equals("dynamic")).orElse(false)) {
                assertThat(sources).as("a test in %s runs %s", tests, rule.id()).contains("new " + rule.getClass().getSimpleName() + "(");
            }
        }
    }

    /**
     * The policy rules compare a policy with other sections (APK facts, runs, mini-program facts), which one APK case
     * file cannot hold: each is run, with findings and without, by the policy tests instead.
     */
    @Test
    void everyPolicyRuleIsExercisedByThePolicyTests() throws IOException {
        Path home = Path.of(System.getProperty("permlab.home", "")).toAbsolutePath();
        String sources = Files.readString(home.resolve("src/test/java/io/permlab/rules/dynamic/PolicyAgainstRunsTest.java"))
                + Files.readString(home.resolve("src/test/java/io/permlab/pipeline/policy/PolicyStagesTest.java"));
        KnowledgeBase kb = KnowledgeBase.builtIn();
        for (Rule rule : RuleSet.all()) {
            if (kb.rule(rule.id()).map(m -> m.kind().equals("policy")).orElse(false)) {
                assertThat(sources).as("a policy test expects %s", rule.id()).contains("\"" + rule.id() + "\"");
            }
        }
    }

    @Test
    void everyRuleHasACaseFileWithPositiveAndNegativeCases() {
        for (Rule rule : staticRules()) {
            assertThat(RuleCaseFile.exists(rule.id())).as("case file %s", RuleCaseFile.resource(rule.id())).isTrue();
            List<RuleCase> cases = RuleCaseFile.load(rule.id());
            assertThat(cases).as("positive cases of %s", rule.id()).anyMatch(RuleCase::positive);
            assertThat(cases).as("negative cases (expect count 0, no criteria) of %s", rule.id()).anyMatch(RuleCase::negative);
        }
    }

    @Test
    void everyRuleHasItsOwnTestClass() {
        for (Rule rule : staticRules()) {
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
        for (Rule rule : staticRules()) {
            for (RuleCase c : RuleCaseFile.load(rule.id())) {
                if (MiniProgramFixtures.isReference(c.fixture())) {
                    assertThat(MiniProgramFixtures.folder(c.fixture()).resolve("app.json"))
                            .as("mini-program fixture of %s case '%s'", rule.id(), c.name()).isRegularFile();
                    continue;
                }
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
