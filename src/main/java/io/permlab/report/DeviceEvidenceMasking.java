package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;

/**
 * Masks what the device said in free text: the app's logcat lines (an app may log the phone number it just read), its
 * crash and ANR blocks (an exception message may quote one), the app's texts on screen at the flow's end, and
 * the problem messages that quote device output. Permission and app-op names, modes and times are not personal.
 */
final class DeviceEvidenceMasking {
    private DeviceEvidenceMasking() {
    }

    static DeviceEvidence mask(DeviceEvidence d) {
        return new DeviceEvidence(d.packageName(), d.runs().stream()
                .map(r -> new DeviceEvidence.RunFacts(r.functionId(), r.runId(), mask(r.facts()))).toList());
    }

    static DeviceRunFacts mask(DeviceRunFacts f) {
        return new DeviceRunFacts(f.packageName(), f.serial(), f.apiLevel(), f.capturedAt(), f.requestedPermissions(),
                f.runtimePermissions(), f.appOps(), f.logcat().stream().map(EvidenceMasker::mask).toList(),
                f.problems().stream().map(EvidenceMasker::mask).toList(),
                f.crashes().stream().map(c -> new DeviceRunFacts.Crash(c.kind(), c.time(), c.pid(), c.process(),
                        EvidenceMasker.mask(c.summary()), c.lines().stream().map(EvidenceMasker::mask).toList())).toList(),
                f.flowEnd() == null ? null : new DeviceRunFacts.FlowEnd(f.flowEnd().processRunning(), f.flowEnd().inFront(),
                        f.flowEnd().homePackage(), f.flowEnd().appTexts().stream().map(EvidenceMasker::mask).toList()));
    }
}
