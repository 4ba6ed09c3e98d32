package io.permlab.report.html;

import io.permlab.model.android.DeviceCapture;

import java.util.List;

/** What could and could not be seen of an app on a device, run by run (devicecapture.ftlh). */
final class DeviceCaptureSectionHtml implements SectionHtml<DeviceCapture> {
    @Override
    public Class<DeviceCapture> type() {
        return DeviceCapture.class;
    }

    @Override
    public SectionView view(DeviceCapture section) {
        List<DeviceCaptureView.RunRow> rows = section.runs().stream().map(r -> new DeviceCaptureView.RunRow(r.runId(), r.traffic().name(),
                r.traffic().complete(), r.trafficSummary(),
                r.hosts().stream().map(h -> new DeviceCaptureView.HostRow(h.host(), h.visible(), h.state(), h.stateText(), h.requests(),
                        h.handshake() == null ? "" : h.handshake())).toList(),
                r.caNote(), r.storageAccess(), r.storageInspectable(), r.storageNote(), r.problems(), r.clientTraffic())).toList();
        return new SectionView("devicecapture.ftlh", new DeviceCaptureView(section.packageName(), rows), null);
    }
}
