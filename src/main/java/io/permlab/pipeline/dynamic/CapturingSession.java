package io.permlab.pipeline.dynamic;

import io.permlab.capture.proxy.HostVisibility;
import io.permlab.capture.proxy.TrafficVisibility;
import io.permlab.device.adbproxy.AdbException;
import io.permlab.device.storage.AppStorage;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.ObservedDownload;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.PageError;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.ClientHosts;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.flow.Locator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An Android session with its capture around it: the exchanges the lab proxy recorded are the session's exchanges
 * (so the flow runner places them in steps, the recorder writes them to the run's HAR and the PI scanner reads them, as
 * for a browser), the app's private storage is read after the run as its storage, and closing puts the device's proxy
 * back ({@code finally}) and stops the proxy. {@link #capture} says what was and was not seen. For a target run inside
 * another app (a mini-program inside WeChat) that app's own hosts are set apart: their exchanges are not the session's
 * and they do not count in the verdict, which is the target's.
 */
final class CapturingSession implements Session {
    /** How the app's storage is read after the run: through adb, or not at all (with why). */
    interface StorageRead {
        AppStorage read(Path scratch);
    }

    private final Session inner;
    private final DeviceCapturePlan.Started traffic;
    private final String notCaptured;
    private final StorageRead storageReader;
    private final Path scratch;
    private final ClientHosts client;
    private AppStorage storage;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param traffic the running capture, or null with {@code notCaptured} saying why there is none
     * @param client the app hosting the target, whose own hosts are not the target's; null for an app run on its own
     */
    CapturingSession(Session inner, DeviceCapturePlan.Started traffic, String notCaptured, StorageRead storageReader, Path scratch,
                     ClientHosts client) {
        this.inner = inner;
        this.traffic = traffic;
        this.notCaptured = notCaptured;
        this.storageReader = storageReader;
        this.scratch = scratch;
        this.client = client;
    }

    @Override
    public List<ObservedExchange> takeExchanges(boolean includeUnfinished) {
        List<ObservedExchange> out = new ArrayList<>(inner.takeExchanges(includeUnfinished));
        if (traffic != null) {
            for (ObservedExchange x : traffic.recorder().takeObservedExchanges(includeUnfinished)) {
                if (client == null || !client.owns(ExplorationRecorder.host(x.url()))) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    /** The session's own storage (none for a device) and the app's private storage, read now through adb. */
    @Override
    public ObservedStorage storage() throws SessionException {
        ObservedStorage own = inner.storage();
        storage = storageReader.read(scratch);
        List<ObservedStorage.Entry> entries = new ArrayList<>(own.entries());
        entries.addAll(storage.entries());
        return new ObservedStorage(entries);
    }

    /** What this run's capture saw, read while the proxy still runs (the recorder records before the session closes). */
    DeviceCapture.RunCapture capture(String runId, String functionId) {
        List<String> notes = new ArrayList<>(problems);
        DeviceCapture.Traffic verdict;
        Localized summary;
        List<DeviceCapture.Host> hosts = new ArrayList<>();
        Localized clientTraffic = null;
        if (traffic == null) {
            verdict = DeviceCapture.Traffic.NOT_CAPTURED;
            summary = new Localized("未采集流量：" + notCaptured, "traffic not captured: " + notCaptured);
        } else {
            TrafficVisibility seen = traffic.recorder().visibility();
            if (client != null) {
                clientTraffic = clientTraffic(seen);
                seen = seen.without(client::owns);
            }
            verdict = DeviceCapture.Traffic.valueOf(seen.verdict().name());
            summary = seen.summary();
            for (HostVisibility h : seen.hosts()) {
                hosts.add(new DeviceCapture.Host(h.host(), h.state().name(), h.state().label(), h.requests(), h.refusedHandshakes(),
                        h.silentConnections(), h.unreachable(), h.reason()));
            }
        }
        Localized caNote = traffic == null ? null : traffic.caNote();
        if (storage == null) {
            return new DeviceCapture.RunCapture(runId, functionId, verdict, summary, hosts, caNote, "not read", false,
                    new Localized("未读取存储：运行在读取存储之前已结束", "storage not read: the run ended before its storage was read"),
                    0, notes, clientTraffic);
        }
        notes.addAll(storage.problems());
        return new DeviceCapture.RunCapture(runId, functionId, verdict, summary, hosts, caNote, storage.access(), storage.inspectable(),
                storage.note(), storage.filesRead(), notes, clientTraffic);
    }

    /** "com.tencent.mm's own traffic, not judged as the target's: long.weixin.qq.com (TLS handshake refused …, 0 requests)". */
    private Localized clientTraffic(TrafficVisibility seen) {
        List<HostVisibility> own = seen.hosts().stream().filter(h -> client.owns(h.host())).toList();
        String zh = own.stream().map(h -> h.host() + "（" + h.state().label().zh() + "，" + h.requests() + " 个请求）")
                .collect(Collectors.joining("，"));
        String en = own.stream().map(h -> h.host() + " (" + h.state().text() + ", " + h.requests() + " request" + (h.requests() == 1 ? "" : "s") + ")")
                .collect(Collectors.joining(", "));
        return new Localized(client.packageName() + " 自身的流量，不作为被测对象的流量判断：" + (own.isEmpty() ? "没有到达代理的流量" : zh),
                client.packageName() + "'s own traffic, not judged as the target's: " + (own.isEmpty() ? "none reached the proxy" : en));
    }

    /** The session first, then — always — the device's proxy put back and the proxy stopped. */
    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            if (traffic != null) {
                try {
                    traffic.setting().close();
                } catch (AdbException e) {
                    // the marker stays in the output folder: the next run there, or DeviceProxy.restoreLeftovers, puts it back
                    problems.add("the device's proxy could not be restored now (" + e.getMessage() + "); the marker in the output "
                            + "folder restores it on the next run");
                } finally {
                    traffic.recorder().close();
                }
            }
        }
    }

    @Override
    public void abort() {
        inner.abort();
    }

    // everything else is the device session's

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void keepFilesIn(ArtifactStore files) {
        inner.keepFilesIn(files);
    }

    @Override
    public void open(String url, Duration timeout) throws SessionException {
        inner.open(url, timeout);
    }

    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        inner.tap(locator, timeout);
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        inner.type(locator, text, timeout);
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        inner.select(locator, option, timeout);
    }

    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        inner.scroll(locator, timeout);
    }

    @Override
    public void back() throws SessionException {
        inner.back();
    }

    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        return inner.waitFor(locator, timeout);
    }

    @Override
    public boolean watchesConsentSheet() {
        return inner.watchesConsentSheet();
    }

    @Override
    public void settle(Duration max) {
        inner.settle(max);
    }

    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        return inner.screenshot(hideTypedText);
    }

    @Override
    public String pageSource() throws SessionException {
        return inner.pageSource();
    }

    @Override
    public String visibleText() throws SessionException {
        return inner.visibleText();
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        return inner.takePermissionRequests(includeUnanswered);
    }

    @Override
    public List<ObservedDownload> takeDownloads(boolean includeUnfinished) {
        return inner.takeDownloads(includeUnfinished);
    }

    @Override
    public List<PageError> takePageErrors() {
        return inner.takePageErrors();
    }
}
