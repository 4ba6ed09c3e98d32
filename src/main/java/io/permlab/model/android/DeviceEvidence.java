package io.permlab.model.android;

import io.permlab.model.EvidenceSection;

import java.util.List;
import java.util.Optional;

/**
 * What the Android device itself said about the app during an exploration, next to the exploration of its functions:
 * for each run whose session started, the device's facts at the end of that run (runtime permissions and their flags,
 * app ops with last access and background use, the app's own logcat lines). A run whose session never started, or was
 * aborted before the end, has no entry here: the missing facts are missing, never read as "nothing happened".
 */
public record DeviceEvidence(String packageName, List<RunFacts> runs) implements EvidenceSection {
    public DeviceEvidence {
        runs = List.copyOf(runs);
    }

    /** The device's facts at the end of one run of one function's exploration. */
    public record RunFacts(String functionId, String runId, DeviceRunFacts facts) {
    }

    /** The facts left by that run of that function, when they were read. */
    public Optional<DeviceRunFacts> of(String functionId, String runId) {
        return runs.stream().filter(r -> r.functionId().equals(functionId) && r.runId().equals(runId)).map(RunFacts::facts).findFirst();
    }

    @Override
    public Optional<String> appIdentity() {
        return Optional.ofNullable(packageName);
    }
}
