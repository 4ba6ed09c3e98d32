package io.permlab.pipeline;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A function's "needs" in target.json: read with the function, a wrong shape or an unknown permission named by its field. */
class FunctionNeedsDeclarationTest {
    @TempDir
    Path dir;

    private Path target(String needs) throws Exception {
        Files.writeString(dir.resolve(TargetDescriptor.FILE), """
                {"kind": "miniprogram", "source": "mp", "category": "sports_fitness",
                 "functions": [{"id": "rank", "name": "步数排行", "flow": "rank.flow.json", "needs": %s}]}""".formatted(needs));
        return dir.resolve(TargetDescriptor.FILE);
    }

    @Test
    void theNeedsAreReadWithTheFunction() throws Exception {
        TargetDescriptor d = TargetDescriptor.read(target("[\"scope.werun\", \"geolocation\"]"));
        assertThat(d.functions().get(0).needs()).containsExactly("scope.werun", "geolocation");
    }

    @Test
    void aWrongShapeNamesTheField() throws Exception {
        Path notArray = target("\"scope.werun\"");
        assertThatThrownBy(() -> TargetDescriptor.read(notArray)).hasMessageContaining("field 'functions[0].needs' must be an array");
        Path notString = target("[\"scope.werun\", 3]");
        assertThatThrownBy(() -> TargetDescriptor.read(notString)).hasMessageContaining("field 'functions[0].needs[1]' must be a string");
    }

    @Test
    void anUnknownPermissionIsAnErrorOnTheTargetWhichIsStillInspectedWithoutIt() throws Exception {
        target("[\"scope.werun\", \"gps\"]");
        List<TargetSpec> specs = new TargetLoader(KnowledgeBase.builtIn(), null, EnumSet.of(TargetKind.MINIPROGRAM))
                .load(List.of(dir));
        assertThat(specs).singleElement().satisfies(s -> {
            assertThat(s.target().functions().get(0).needs()).containsExactly("scope.werun");
            assertThat(s.problems()).singleElement().satisfies(e ->
                    assertThat(e.message()).contains("functions[0].needs[1]", "unknown permission 'gps'", "geolocation"));
        });
    }
}
