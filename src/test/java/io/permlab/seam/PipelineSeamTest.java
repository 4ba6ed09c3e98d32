package io.permlab.seam;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.apk.ApkFacts;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StaticStage;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetPipeline;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.RuleSet;
import io.permlab.rules.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seam a new kind of evidence plugs into (docs/architecture.md, "Adding a target kind"), proved from the test
 * sources alone: a toy section, a toy stage that contributes it for APKs, and a toy rule that reads it together with
 * the APK facts. No main class is touched; they are registered through the pipeline's and engine's constructors and
 * the rule's metadata through --knowledge overrides. The compliant Android sample has no finding of its own, so the
 * toy rule's finding is the only one.
 */
class PipelineSeamTest {
    private static final String TOY_RULE = "TOY-PACKAGE-SIZE";
    private static final Path SAMPLE = Paths.get("apps/demo-delivery-android-compliant").toAbsolutePath();

    @TempDir
    static Path dir;
    private static KnowledgeBase knowledge;
    private static RunResult run;

    /** How many bytes the target's package has: the toy section. */
    record PackageSize(long bytes) implements EvidenceSection {
    }

    /** Reads the package's size on disk. */
    static final class PackageSizeStage implements StaticStage {
        @Override
        public boolean handles(Target target) {
            return target.kind() == TargetKind.APK;
        }

        @Override
        public Class<PackageSize> section() {
            return PackageSize.class;
        }

        @Override
        public Optional<EvidenceSection> collect(Target target, StageContext context) {
            try {
                return Optional.of(new PackageSize(Files.size(target.location())));
            } catch (IOException e) {
                context.problem(target.location().toString(), "size", e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** Reads two sections: the toy one, and the APK facts for the package name. */
    static final class PackageSizeRule implements Rule {
        @Override
        public String id() {
            return TOY_RULE;
        }

        @Override
        public Set<Class<? extends EvidenceSection>> reads() {
            return Set.of(PackageSize.class, ApkFacts.class);
        }

        @Override
        public void check(Evidence evidence, RuleContext context) {
            long bytes = evidence.section(PackageSize.class).orElseThrow().bytes();
            String name = evidence.section(ApkFacts.class).orElseThrow().packageName();
            if (bytes > 0) {
                context.report(Violation.of(this).arg("package", name).arg("bytes", Long.toString(bytes)).key(name));
            }
        }
    }

    @BeforeAll
    static void runTheToyThroughThePipeline() throws IOException {
        knowledge = KnowledgeBase.load(KnowledgeSource.withOverrides(knowledgeWithTheToyRule()));
        List<StaticStage> stages = new ArrayList<>(Pipelines.inspectors(knowledge, InspectionLimits.defaults(), null));
        stages.add(new PackageSizeStage());
        List<Rule> rules = new ArrayList<>(RuleSet.all());
        rules.add(new PackageSizeRule());
        TargetPipeline pipeline = new TargetPipeline(stages, List.of(), false, new RuleEngine(knowledge, rules));
        run = pipeline.run("scan", List.of(SAMPLE), new TargetLoader(knowledge, null), dir.resolve("out/.work"), "test",
                BatchListener.NONE);
    }

    /** The built-in dynamic rules' file with the toy rule's metadata appended, as a --knowledge override. */
    private static Path knowledgeWithTheToyRule() throws IOException {
        JsonObject file;
        try (InputStream in = KnowledgeSource.class.getResourceAsStream("/knowledge/rules-dynamic.json")) {
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        JsonObject toy = file.getAsJsonArray("rules").get(0).getAsJsonObject().deepCopy();
        toy.addProperty("id", TOY_RULE);
        toy.addProperty("kind", "static");
        JsonObject title = new JsonObject();
        title.addProperty("zh", "安装包大小");
        title.addProperty("en", "Package size");
        toy.add("title", title);
        JsonObject message = new JsonObject();
        message.addProperty("zh", "{package} 的安装包有 {bytes} 字节。");
        message.addProperty("en", "The package of {package} has {bytes} bytes.");
        toy.add("message", message);
        file.getAsJsonArray("rules").add(toy);
        Path overrides = Files.createDirectories(dir.resolve("knowledge"));
        Files.writeString(overrides.resolve("rules-dynamic.json"), file.toString());
        return overrides;
    }

    private static JsonObject target(Path findingsJson) throws IOException {
        JsonArray targets = JsonParser.parseString(Files.readString(findingsJson)).getAsJsonObject().getAsJsonArray("targets");
        assertThat(targets).hasSize(1);
        return targets.get(0).getAsJsonObject();
    }

    @Test
    void theToyRulesFindingIsInFindingsJsonAndBothSectionsInTheEvidence() throws IOException {
        Path out = Files.createDirectories(dir.resolve("unmasked"));
        List<String> problems = Reports.write(run, knowledge, new ReportOptions(out, Lang.EN, true), Set.of("json", "html", "junit"));

        assertThat(problems).isEmpty();
        JsonObject t = target(out.resolve("findings.json"));
        assertThat(t.getAsJsonArray("errors")).isEmpty();
        JsonArray findings = t.getAsJsonArray("findings");
        assertThat(findings).singleElement().satisfies(f -> {
            JsonObject o = f.getAsJsonObject();
            assertThat(o.get("ruleId").getAsString()).isEqualTo(TOY_RULE);
            assertThat(o.getAsJsonObject("message").get("en").getAsString())
                    .isEqualTo("The package of com.permlab.demo.delivery.compliant has "
                            + Files.size(run.targets().get(0).target().location()) + " bytes.");
        });
        JsonObject evidence = t.getAsJsonObject("evidence");
        assertThat(evidence.get("packageName").getAsString()).isEqualTo("com.permlab.demo.delivery.compliant");
        assertThat(evidence.get("bytes").getAsLong()).isPositive();
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("name=\"" + TOY_RULE + " Package size\"");
    }

    @Test
    void maskedReportsLeaveOutASectionWithoutAMaskerButKeepItsFindings() throws IOException {
        Path out = Files.createDirectories(dir.resolve("masked"));
        Reports.write(run, knowledge, new ReportOptions(out, Lang.EN, false), Set.of("json"));

        JsonObject t = target(out.resolve("findings.json"));
        assertThat(t.getAsJsonArray("findings")).extracting(f -> f.getAsJsonObject().get("ruleId").getAsString())
                .containsExactly(TOY_RULE);
        JsonObject evidence = t.getAsJsonObject("evidence");
        assertThat(evidence.has("packageName")).isTrue();
        assertThat(evidence.has("bytes")).isFalse();
    }

    @Test
    void theToyRuleRunsOnlyWhereBothItsSectionsArePresent() {
        assertThat(run.targets().get(0).rules()).contains(TOY_RULE);
        TargetPipeline withoutTheStage = new TargetPipeline(Pipelines.inspectors(knowledge, InspectionLimits.defaults(), null),
                List.of(), false, new RuleEngine(knowledge, List.of(new PackageSizeRule())));
        RunResult plain = withoutTheStage.run("scan", List.of(SAMPLE), new TargetLoader(knowledge, null), dir.resolve("out2/.work"),
                "test", BatchListener.NONE);

        assertThat(plain.targets().get(0).findings()).isEmpty();
        assertThat(plain.targets().get(0).rules()).isEmpty();
        assertThat(plain.targets().get(0).evidence().section(ApkFacts.class)).isPresent();
    }
}
