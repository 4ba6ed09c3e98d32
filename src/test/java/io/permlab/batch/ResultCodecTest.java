package io.permlab.batch;

import io.permlab.model.TargetResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the journal stores is what reports render after a resume: real results (an APK's facts, a mini-program's call
 * sites, ApiDemos' 335 findings) read back equal, record by record.
 */
class ResultCodecTest {
    @TempDir
    Path dir;

    @Test
    void realResultsReadBackEqual() throws Exception {
        Manifest m = BatchFixtures.threeApps(dir);
        PipelineInspector inspector = BatchFixtures.inspector(dir);
        for (BatchTarget t : CampaignRunner.Ids.of(m).targets()) {
            TargetResult r = inspector.inspect(t).result();
            assertThat(r.evidence()).as(t.id()).isNotNull();
            TargetResult back = ResultCodec.decode(ResultCodec.encode(r));
            assertThat(back).as(t.id()).isEqualTo(r);
            assertThat(back.target().id()).isEqualTo(t.id());
        }
    }
}
