package io.permlab.batch;

import io.permlab.model.TargetResult;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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

    /** The device's facts (instants, nulls for a never-accessed op, logcat) survive the journal like every section. */
    @Test
    void deviceEvidenceReadsBackEqual() {
        TargetResult r = SampleRuns.waimai(dir);
        DeviceRunFacts facts = new DeviceRunFacts("io.permlab.sample.delivery", "emulator-5554", 33, Instant.parse("2026-12-06T08:00:00Z"),
                List.of("android.permission.ACCESS_FINE_LOCATION"),
                List.of(new DeviceRunFacts.Permission("android.permission.ACCESS_FINE_LOCATION", false, List.of("USER_SET"))),
                List.of(new DeviceRunFacts.Op("FINE_LOCATION", "allow", Instant.parse("2026-12-06T07:59:58Z"), "YES", false),
                        new DeviceRunFacts.Op("CAMERA", "allow", null, "UNKNOWN", false)),
                List.of("12-06 08:00:01.000  4242  4242 I Delivery: saved"), List.of("logcat: only the last 2000 of 2400 lines were kept"));
        TargetResult withDevice = new TargetResult(r.target(), r.evidence().with(new DeviceEvidence("io.permlab.sample.delivery",
                List.of(new DeviceEvidence.RunFacts("add-address", "add-address-grant", facts)))), r.findings(), r.errors(),
                r.millis(), r.notInspected(), r.rules());
        TargetResult back = ResultCodec.decode(ResultCodec.encode(withDevice));
        assertThat(back).isEqualTo(withDevice);
        assertThat(back.evidence().section(DeviceEvidence.class)).contains(withDevice.evidence().section(DeviceEvidence.class).orElseThrow());
    }
}
