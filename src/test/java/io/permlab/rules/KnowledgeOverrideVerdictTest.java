package io.permlab.rules;

import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.miniprogram.MiniProgramInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.rules.miniprogram.MiniProgramRules;
import io.permlab.testsupport.MiniProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mini-program API catalogue is knowledge like any other: a folder given with --knowledge replaces it, the
 * inspector and the rules both see the replacement, and a broken replacement names its file, line and field.
 */
class KnowledgeOverrideVerdictTest {
    private static final String FIXTURE = "mp/declarations";
    private static final String UNDECLARED = "MP-PRIVATE-INFO-UNDECLARED";

    @Test
    void replacingTheApiCatalogueChangesTheVerdict(@TempDir Path dir) throws IOException {
        List<Finding> builtIn = undeclared(KnowledgeBase.builtIn());
        assertThat(builtIn).anySatisfy(f -> assertThat(f.message().en()).contains("wx.getLocation"));

        // A reviewer's catalogue in which wx.getLocation need not be listed in requiredPrivateInfos.
        Files.writeString(dir.resolve(MiniProgramApis.FILE), builtInFile(MiniProgramApis.FILE).replaceFirst(
                "(\"name\": \"getLocation\",[^}]*\"privateInfo\": )true", "$1false"));
        KnowledgeBase custom = KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
        assertThat(custom.miniProgramApis().api("getLocation").privateInfo()).isFalse();

        List<Finding> overridden = undeclared(custom);
        assertThat(overridden).hasSize(builtIn.size() - 1)
                .noneSatisfy(f -> assertThat(f.message().en()).contains("wx.getLocation"));
    }

    @Test
    void aBrokenCatalogueNamesFileLineAndField(@TempDir Path dir) throws IOException {
        String text = builtInFile(MiniProgramApis.FILE).replaceFirst("\"pi\": \\[\"location_precise\"]", "\"pi\": [\"location_exact\"]");
        Files.writeString(dir.resolve(MiniProgramApis.FILE), text);
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(MiniProgramApis.FILE) + ":4:")
                .hasMessageContaining("$.apis[0].pi")
                .hasMessageContaining("unknown PI kind 'location_exact'");
    }

    @Test
    void aScopeWithPurposeWordsMustBeOneAnApiAsksFor(@TempDir Path dir) throws IOException {
        String text = builtInFile(MiniProgramApis.FILE).replaceFirst("\"scope\": \"scope.userFuzzyLocation\", *\"purposeWords\"",
                "\"scope\": \"scope.userFuzzyLocaton\", \"purposeWords\"");
        assertThat(text).contains("scope.userFuzzyLocaton");
        Files.writeString(dir.resolve(MiniProgramApis.FILE), text);
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .hasMessageContaining("$.scopes[1].scope")
                .hasMessageContaining("no API in 'apis' asks for 'scope.userFuzzyLocaton'");
    }

    @Test
    void aDuplicateKeyIsRejectedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("legal-sources.json"), "{\n  \"sources\": [],\n  \"sources\": []\n}\n");
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .hasMessageContaining(dir.resolve("legal-sources.json") + ":3:")
                .hasMessageContaining("duplicate key 'sources'");
    }

    private static List<Finding> undeclared(KnowledgeBase kb) {
        MiniProgramInspector inspector = new MiniProgramInspector(InspectionLimits.defaults(), kb.miniProgramApis());
        Path file = MiniProgramFixtures.file(FIXTURE);
        try {
            MiniProgramInspector.Result inspected = inspector.inspect(file, null);
            Target target = new Target(FIXTURE, FIXTURE, TargetKind.MINIPROGRAM, file, null, List.of());
            Rule rule = MiniProgramRules.all().stream().filter(r -> r.id().equals(UNDECLARED)).findFirst().orElseThrow();
            RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(rule)).run(Evidence.of(target, inspected.facts()), null);
            assertThat(outcome.errors()).isEmpty();
            return outcome.findings();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String builtInFile(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
