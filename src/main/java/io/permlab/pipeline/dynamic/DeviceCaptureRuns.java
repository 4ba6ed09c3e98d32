package io.permlab.pipeline.dynamic;

import io.permlab.device.adb.AdbException;
import io.permlab.device.storage.AppStorage;
import io.permlab.device.storage.AppStorageReader;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.DeviceChoice;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.RawRun;
import io.permlab.exercise.RunRecorder;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.ClientHosts;
import io.permlab.model.Localized;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture of one target's runs on a device — an APK, or a mini-program inside WeChat: each session the exploration
 * opens gets its own proxy, started when the session is (one per run, so each run has its own visibility verdict), with
 * the device pointed at it; each recorded run gets its {@link DeviceCapture.RunCapture}. A proxy that cannot start or a
 * device that refuses the setting does not stop the run: its permission evidence stands, and its traffic is recorded as
 * not captured, with why.
 */
final class DeviceCaptureRuns {
    /**
     * Why a mini-program's storage is never read: it is not the program's to give. Stated per run so that no report reads
     * unread storage as clean.
     */
    static final Localized WECHAT_STORAGE = new Localized(
            "存储不可检查：小程序的存储（wx.setStorage）加密保存在微信的私有数据中，与检查人员本人的微信账号和聊天记录在一起；PermLab 从不读取或拉取微信的数据",
            "storage not inspectable: a mini-program's storage (wx.setStorage) lives encrypted "
                    + "inside WeChat's private data, together with the inspector's own WeChat account and chats; PermLab never reads "
                    + "or pulls WeChat's data");

    /** How the app's storage is read on the device with that serial. */
    interface StorageAccess {
        CapturingSession.StorageRead on(String serial);
    }

    private final DeviceCapturePlan plan;
    private final AndroidProfile profile;
    private final DeviceLink link;
    private final String packageName;
    private final Path outDir;
    private final StorageAccess storage;
    private final ClientHosts client;
    private final Path scratch;
    private final List<DeviceCapture.RunCapture> runs = new ArrayList<>();
    private CapturingSession current;

    private DeviceCaptureRuns(DeviceCapturePlan plan, AndroidProfile profile, DeviceLink link, String packageName, Path outDir,
                              Path scratch, StorageAccess storage, ClientHosts client) {
        this.plan = plan;
        this.profile = profile;
        this.link = link;
        this.packageName = packageName;
        this.outDir = outDir;
        this.scratch = scratch;
        this.storage = storage;
        this.client = client;
    }

    /** An APK run on its own: all its traffic is its own, its private storage is read through adb (run-as, su). */
    static DeviceCaptureRuns ofApp(DeviceCapturePlan plan, AndroidProfile profile, DeviceLink link, String packageName, Path outDir,
                                   Path scratch) {
        return new DeviceCaptureRuns(plan, profile, link, packageName, outDir, scratch,
                serial -> new AppStorageReader(link.shell(serial), packageName, plan.storageLimits())::read, null);
    }

    /**
     * A mini-program inside WeChat: the proxy is WeChat's (package {@code wechat.packageName()}), WeChat's own hosts are
     * set apart from the program's, and storage is never read ({@link #WECHAT_STORAGE}).
     */
    static DeviceCaptureRuns insideWeChat(DeviceCapturePlan plan, AndroidProfile profile, DeviceLink link, ClientHosts wechat,
                                          Path outDir, Path scratch) {
        return new DeviceCaptureRuns(plan, profile, link, wechat.packageName(), outDir, scratch,
                serial -> ignored -> AppStorage.notInspectable(WECHAT_STORAGE), wechat);
    }

    /** Sessions with their capture around them. */
    SessionFactory sessions(SessionFactory inner) {
        return new SessionFactory() {
            @Override
            public Session open(RunPolicy policy) throws SessionException {
                Session session = inner.open(policy);
                String serial;
                try {
                    serial = DeviceChoice.choose(profile, link.devices());
                } catch (AdbException | SessionException e) {
                    session.close();
                    throw new SessionException(SessionException.Kind.SESSION_ERROR, "the device went away: " + e.getMessage(), e);
                }
                DeviceCapturePlan.Started started = null;
                String why = null;
                try {
                    started = plan.start(serial, outDir, client);
                } catch (IOException | RuntimeException e) {
                    why = e.getMessage();
                }
                current = new CapturingSession(session, started, why, storage.on(serial), scratch, client);
                return current;
            }

            @Override
            public String describe() {
                return inner.describe();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    /** The recorder, noting each run's capture while its session (and proxy) is still open. */
    RunRecorder recorder(RunRecorder inner) {
        return new RunRecorder() {
            @Override
            public ArtifactStore filesFor(String functionId, String runId) {
                return inner.filesFor(functionId, runId);
            }

            @Override
            public Run record(RawRun raw) {
                if (current != null) {
                    DeviceCapture.RunCapture capture = current.capture(raw.id(), raw.functionId());
                    runs.add(capture);
                    current = null;
                    raw = withCoverage(raw, capture);
                }
                return inner.record(raw);
            }
        };
    }

    /**
     * The run with what it could not see among its problems too, so that the run itself — not only the capture
     * section — says that its traffic or storage was not inspected (its outcome is unchanged: the flow's evidence stands).
     */
    static RawRun withCoverage(RawRun raw, DeviceCapture.RunCapture capture) {
        List<RunProblem> problems = new ArrayList<>(raw.problems());
        int step = raw.steps().isEmpty() ? 0 : raw.steps().get(raw.steps().size() - 1).index();
        if (!capture.traffic().complete()) {
            problems.add(RawRun.problem("traffic-not-visible", capture.trafficSummary().en(), step, raw.durationMillis()));
        }
        if (!capture.storageInspectable()) {
            problems.add(RawRun.problem("storage-not-inspectable", capture.storageNote().en(), step, raw.durationMillis()));
        }
        return new RawRun(raw.id(), raw.functionId(), raw.policy(), raw.session(), raw.startedAt(), raw.durationMillis(),
                raw.consentAtMillis(), raw.functionStartStep(), raw.steps(), raw.requests(), raw.exchanges(), raw.storage(),
                raw.checkpoint(), problems, raw.downloads(), raw.outcome(), raw.retryOf(), null, List.of(), raw.typed());
    }

    DeviceCapture section() {
        return new DeviceCapture(packageName, runs);
    }
}
