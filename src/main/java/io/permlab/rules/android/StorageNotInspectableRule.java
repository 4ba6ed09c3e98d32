package io.permlab.rules.android;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceCapture;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says when an app's private storage could not be read after its runs (not debuggable, device not rooted, a listing
 * that failed, a run cut short before it): the plaintext-storage rule's silence then means nothing. Informational.
 */
public final class StorageNotInspectableRule extends DeviceCaptureRule {
    @Override
    public String id() {
        return "AND-STORAGE-NOT-INSPECTABLE";
    }

    @Override
    void check(DeviceCapture capture, RuleContext ctx) {
        Map<Localized, List<String>> byNote = new LinkedHashMap<>();
        for (DeviceCapture.RunCapture run : capture.runs()) {
            if (!run.storageInspectable()) {
                byNote.computeIfAbsent(run.storageNote(), k -> new ArrayList<>()).add(run.runId());
            }
        }
        for (Map.Entry<Localized, List<String>> e : byNote.entrySet()) {
            String reason = e.getKey().en();
            Violation v = Violation.of(this)
                    .arg("package", capture.packageName())
                    .arg("reason", e.getKey())
                    .arg("runs", String.join(", ", e.getValue()))
                    .key("storage:" + reason); // English: a fingerprint must not change with the report language
            for (String runId : e.getValue()) {
                v.at(EvidencePointer.inRun(runId, "storage", null, capture.packageName(), reason));
            }
            ctx.report(v);
        }
    }
}
