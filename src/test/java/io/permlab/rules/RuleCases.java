package io.permlab.rules;

import io.permlab.inspect.apk.ApkInspector;
import io.permlab.inspect.miniprogram.MiniProgramInspector;
import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.testsupport.InspectedFixtures;
import io.permlab.testsupport.MiniProgramFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PMD-style base of every rule test: one test class per rule, its cases in {@code /rules/<RULE-ID>.json}. Each
 * case builds its fixture (an APK, or a mini-program: "mp/<name>" folder or "mp/<name>.wxapkg" package), inspects it
 * with the real inspector, runs only this rule through the rule engine under the case's category, and checks the
 * findings against the case's expectations.
 */
public abstract class RuleCases {
    private final Rule rule;

    protected RuleCases(Rule rule) {
        this.rule = rule;
    }

    @TestFactory
    protected final Stream<DynamicTest> cases() {
        return RuleCaseFile.load(rule.id()).stream()
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private void check(RuleCase c) {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Category category = c.category() == null ? null : kb.category(c.category());
        Evidence evidence;
        Object problems;
        if (MiniProgramFixtures.isReference(c.fixture())) {
            MiniProgramInspector.Result inspected = MiniProgramFixtures.inspect(c.fixture());
            Target target = new Target(c.fixture(), c.fixture(), TargetKind.MINIPROGRAM, MiniProgramFixtures.file(c.fixture()),
                    category == null ? null : category.id(), List.of());
            evidence = Evidence.of(target, inspected.facts());
            problems = inspected.problems();
        } else {
            ApkInspector.Result inspected = InspectedFixtures.inspect(c.fixture());
            Target target = new Target(c.fixture(), c.fixture(), TargetKind.APK, InspectedFixtures.file(c.fixture()),
                    category == null ? null : category.id(), List.of());
            evidence = Evidence.of(target, inspected.facts());
            problems = inspected.problems();
        }
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(rule)).run(evidence, category);

        assertThat(outcome.errors()).as("processing errors of %s", rule.id()).isEmpty();
        for (Expectation e : c.expect()) {
            assertThat(e.countIn(outcome.findings()))
                    .as("%s on %s: expected %s; inspection problems %s; findings:%n%s", rule.id(), c.displayName(),
                            e.describe(), problems, describe(outcome.findings()))
                    .isEqualTo(e.count());
        }
    }

    private static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "  (none)";
        }
        return findings.stream().map(f -> "  [" + f.severity().id() + "] " + f.message().zh() + " | " + f.message().en()
                + " | evidence " + f.evidence().stream().map(p -> p.symbol() + ": " + p.excerpt()).toList())
                .collect(Collectors.joining("\n"));
    }
}
