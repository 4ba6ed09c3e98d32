package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceCapture;

/**
 * Masks what the capture section says in text: storage notes and problems name files and keys an app chose (a phone
 * number as a file name), the traffic summary and handshake texts name hosts, the CA note quotes adb. Host names stay (they are evidence).
 */
final class DeviceCaptureMasking {
    private DeviceCaptureMasking() {
    }

    static DeviceCapture mask(DeviceCapture c) {
        return new DeviceCapture(c.packageName(), c.runs().stream().map(DeviceCaptureMasking::mask).toList());
    }

    private static DeviceCapture.RunCapture mask(DeviceCapture.RunCapture r) {
        return new DeviceCapture.RunCapture(r.runId(), r.functionId(), r.traffic(), mask(r.trafficSummary()),
                r.hosts().stream().map(h -> new DeviceCapture.Host(h.host(), h.state(), h.stateText(), h.requests(), h.refusedHandshakes(),
                        h.silentConnections(), h.unreachable(), h.handshake() == null ? null : EvidenceMasker.mask(h.handshake()))).toList(),
                mask(r.caNote()), r.storageAccess(), r.storageInspectable(), mask(r.storageNote()), r.storageFilesRead(),
                r.problems().stream().map(EvidenceMasker::mask).toList(), mask(r.clientTraffic()));
    }

    private static Localized mask(Localized text) {
        return text == null ? null : text.map(EvidenceMasker::mask);
    }
}
