package io.permlab.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Target ids name folders under the output: safe file names, readable, unique. */
class TargetIdsTest {
    @Test
    void namesThatClimbOrHideBecomePlainNames() {
        assertThat(TargetIds.safe("..")).isEqualTo("target");
        assertThat(TargetIds.safe(".")).isEqualTo("target");
        assertThat(TargetIds.safe("")).isEqualTo("target");
        assertThat(TargetIds.safe(".work")).isEqualTo("_work");
        assertThat(TargetIds.safe("../../etc")).isEqualTo("___.._etc");
        assertThat(TargetIds.safe("a/b\\c")).isEqualTo("a_b_c");
    }

    @Test
    void controlCharactersAndEscapesAreReplaced() {
        assertThat(TargetIds.safe("evil\u001b[31m\u0007\u009b\n")).isEqualTo("evil__31m___");
    }

    @Test
    void lettersOfAnyScriptStay() {
        assertThat(TargetIds.safe("鲜味外卖 H5")).isEqualTo("鲜味外卖_H5");
        assertThat(TargetIds.safe("café-1.2_x")).isEqualTo("café-1.2_x");
    }

    @Test
    void longNamesAreCutToFitAFileName() {
        assertThat(TargetIds.safe("外".repeat(300))).hasSize(64);
    }

    @Test
    void idsAreUniqueIgnoringCase() {
        TargetIds ids = new TargetIds();
        assertThat(ids.unique("App")).isEqualTo("App");
        assertThat(ids.unique("app")).isEqualTo("app-2");
        assertThat(ids.unique("..")).isEqualTo("target");
        assertThat(ids.unique(".")).isEqualTo("target-2");
    }
}
