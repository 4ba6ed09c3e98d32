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

/** A run's crashes and the app at the flow's end survive the batch journal; a journal written before them still reads. */
class DeviceCrashJournalTest {
    @TempDir
    Path dir;

    private TargetResult withFacts(DeviceRunFacts facts) {
        TargetResult r = SampleRuns.waimai(dir);
        return new TargetResult(r.target(), r.evidence().with(new DeviceEvidence("io.permlab.sample.delivery",
                List.of(new DeviceEvidence.RunFacts("add-address", "add-address-deny-geolocation", facts)))), r.findings(), r.errors(),
                r.millis(), r.notInspected(), r.rules());
    }

    private static DeviceRunFacts facts(List<DeviceRunFacts.Crash> crashes, DeviceRunFacts.FlowEnd end) {
        return new DeviceRunFacts("io.permlab.sample.delivery", "emulator-5554", 33, Instant.parse("2026-12-06T08:00:00Z"), List.of(),
                List.of(), List.of(), List.of(), List.of(), crashes, end);
    }

    @Test
    void crashesAndTheFlowsEndReadBackEqual() {
        TargetResult r = withFacts(facts(List.of(new DeviceRunFacts.Crash("CRASH", "12-06 08:01:02.345", 4242, "io.permlab.sample.delivery",
                "java.lang.SecurityException: no location", List.of("AndroidRuntime: FATAL EXCEPTION: main"))),
                new DeviceRunFacts.FlowEnd(false, "com.google.android.apps.nexuslauncher", "com.google.android.apps.nexuslauncher", List.of())));
        assertThat(ResultCodec.decode(ResultCodec.encode(r))).isEqualTo(r);
        TargetResult unknown = withFacts(facts(List.of(), new DeviceRunFacts.FlowEnd(null, null, null, List.of("去设置"))));
        assertThat(ResultCodec.decode(ResultCodec.encode(unknown))).isEqualTo(unknown);
    }

    @Test
    void factsJournaledBeforeCrashesWereReadHaveNoneAndNoFlowEnd() {
        TargetResult r = withFacts(facts(List.of(), null));
        String json = ResultCodec.encode(r);
        String old = json.replaceAll(",\\s*\"crashes\"\\s*:\\s*\\[\\s*]", "").replaceAll(",\\s*\"flowEnd\"\\s*:\\s*null", "");
        assertThat(old).doesNotContain("\"crashes\"").contains("\"problems\"");
        DeviceRunFacts back = ResultCodec.decode(old).evidence().section(DeviceEvidence.class).orElseThrow().runs().get(0).facts();
        assertThat(back.crashes()).isEmpty();
        assertThat(back.flowEnd()).isNull();
    }
}
