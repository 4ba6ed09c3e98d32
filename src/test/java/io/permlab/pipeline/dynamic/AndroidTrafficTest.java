package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.capture.proxy.LocalHttpsServer;
import io.permlab.device.adb.AdbException;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Android run's traffic through the lab proxy and its storage through adb, end to end through the pipeline. The
 * device is two doubles AT THE adb/Appium BOUNDARY ONLY (no device exists on these machines): the session's
 * {@link ScriptedDevice} (screens, dumpsys, run-as/su answers in the device's words) and the proxy setting's
 * {@link io.permlab.device.adbproxy.ScriptedDevice} ({@code settings}, {@code reverse}, {@code ls}). The proxy, the lab
 * CA, the HTTPS backend and the "app's" HTTP clients are real: when the flow taps, the app reads the device's proxy
 * setting and sends through it, once with a client that trusts the lab CA and once with one that does not (an SDK that
 * pins or ignores user CAs).
 */
class AndroidTrafficTest {
    private static final String PKG = "io.permlab.sample.delivery";
    @RegisterExtension
    static final LabNetwork LAB = new LabNetwork();

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryOnADevice.target(tmp, "delivery-android", "delivery on a device", PKG);
        out = tmp.resolve("out");
    }

    /** The app: saving an address posts the phone number through the device's proxy; an SDK that pins tries too. */
    private ScriptedDevice app(ScriptedDevice.ShellAnswer shell) {
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .shell(shell)
                .onTap("新增收货地址", d -> {
                    sendThroughTheDevicesProxy();
                    d.show(fixture("screens/app-address-saved.xml"));
                });
    }

    private void sendThroughTheDevicesProxy() {
        if (LAB.devicesProxy() == null) {
            return; // no proxy set: the app goes straight out, which the lab does not see
        }
        try {
            LabNetwork.postJson(LAB.trustingTheLabCa(tmp.resolve("ca")), LAB.url("localhost", "/api/address"),
                    "{\"phone\":\"" + LocalHttpsServer.PHONE_SENT + "\"}");
            LabNetwork.refused(LAB.trustingNoUserCa(), LAB.url("127.0.0.1", "/api/address"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TargetResult run(ScriptedDevice device) {
        AndroidProfile profile = DeliveryOnADevice.scriptedProfile();
        DeviceCapturePlan plan = LAB.plan(tmp.resolve("ca"));
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile, new FlowRunner.Options(true, 0), true, tmp, null,
                url -> device, plan);
        return DeliveryOnADevice.only(batch, targetDir, out);
    }

    private static ScriptedDevice.ShellAnswer productionPhone() {
        return command -> {
            if (command.equals("run-as " + PKG + " id")) {
                throw new AdbException("adb -s " + ScriptedDevice.SERIAL + " shell " + command + " exited with 1: run-as: package not debuggable: " + PKG);
            }
            if (command.equals("su -c id")) {
                throw new AdbException("adb -s " + ScriptedDevice.SERIAL + " shell " + command + " exited with 127: /system/bin/sh: su: inaccessible or not found");
            }
            return null;
        };
    }

    @Test
    void theRunsTrafficIsReadThroughTheProxyAndWhatThePinnedClientSentIsSaidNotVisible() throws IOException {
        TargetResult result = run(app(productionPhone()));

        assertThat(result.errors()).isEmpty();
        Run baseline = result.evidence().section(Exploration.class).orElseThrow().functions().get(0).baseline();
        assertThat(baseline.passed()).isTrue();
        NetworkExchange posted = baseline.exchanges().stream().filter(x -> x.url().endsWith("/api/address") && x.host().equals("localhost"))
                .findFirst().orElseThrow(() -> new AssertionError("the posted address is not in the run: " + baseline.exchanges()));
        assertThat(posted.method()).isEqualTo("POST");
        assertThat(posted.piSent()).isNotEmpty();
        assertThat(posted.stepIndex()).as("placed in the tap's step").isEqualTo(1);
        assertThat(baseline.exchanges()).noneMatch(x -> x.host().equals("127.0.0.1")); // nothing of it was readable

        Path har = out.resolve(baseline.harFile().startsWith("runs/") ? baseline.harFile() : "runs");
        try (Stream<Path> files = Files.walk(out)) {
            har = files.filter(p -> p.getFileName().toString().equals("traffic.har") && p.getParent().getFileName().toString().equals(baseline.id()))
                    .findFirst().orElseThrow();
        }
        String harText = Files.readString(har);
        assertThat(harText).contains("/api/address").doesNotContain(LocalHttpsServer.PHONE_SENT); // masked by default

        DeviceCapture capture = result.evidence().section(DeviceCapture.class).orElseThrow();
        DeviceCapture.RunCapture seen = capture.runs().stream().filter(r -> r.runId().equals(baseline.id())).findFirst().orElseThrow();
        assertThat(seen.traffic()).isEqualTo(DeviceCapture.Traffic.PARTLY_VISIBLE);
        assertThat(seen.hosts()).extracting(DeviceCapture.Host::host, DeviceCapture.Host::state)
                .contains(org.assertj.core.groups.Tuple.tuple("localhost", "VISIBLE"),
                        org.assertj.core.groups.Tuple.tuple("127.0.0.1", "REFUSED_BY_CLIENT"));
        assertThat(seen.caNote().en()).startsWith("lab CA not in the device's system store").contains("APK-TRUSTS-USER-CA");
        assertThat(seen.caNote().zh()).startsWith("实验室 CA 不在设备的系统证书库中").contains("APK-TRUSTS-USER-CA", "网络安全配置");
        assertThat(seen.storageInspectable()).isFalse();
        assertThat(seen.storageNote().en()).contains("run-as: package not debuggable: " + PKG).contains("su: inaccessible or not found");
        // the device's own words quoted unchanged in the Chinese note
        assertThat(seen.storageNote().zh()).startsWith("存储不可检查：应用不可调试")
                .contains("run-as: package not debuggable: " + PKG).contains("su: inaccessible or not found");
        // the run itself says so too, without becoming inconclusive
        assertThat(baseline.inconclusive()).isFalse();
        assertThat(baseline.problems()).extracting(io.permlab.model.dynamic.RunProblem::kind)
                .contains("traffic-not-visible", "storage-not-inspectable");

        Finding notVisible = result.findings().stream().filter(f -> f.ruleId().equals("AND-TRAFFIC-NOT-VISIBLE")).findFirst().orElseThrow();
        assertThat(notVisible.message().en()).contains("127.0.0.1").contains("NOT inspected").doesNotContain("localhost");
        assertThat(notVisible.evidence()).extracting(EvidencePointer::run).contains(baseline.id());
        assertThat(result.findings()).extracting(Finding::ruleId).contains("AND-STORAGE-NOT-INSPECTABLE");
        assertThat(result.rules()).contains("AND-TRAFFIC-NOT-VISIBLE", "AND-STORAGE-NOT-INSPECTABLE");

        // the device was pointed at the proxy through adb reverse, and put back as it was
        assertThat(LAB.proxyAdb().log()).anyMatch(c -> c.matches("-s " + ScriptedDevice.SERIAL + " shell settings put global http_proxy 127\\.0\\.0\\.1:\\d+"));
        assertThat(LAB.proxyAdb().httpProxy()).isNull();
        assertThat(LAB.proxyAdb().reverses()).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".permlab-device-proxy-"));
        }
    }

    @Test
    void aDeviceThatRefusesTheProxyIsRunStillAndItsTrafficIsSaidNotCapturedWhileDebuggableStorageIsRead() {
        LAB.proxyAdb().failing(c -> c.contains("settings put global http_proxy 127.0.0.1"))
                .withFile("/system/etc/security/cacerts/ignored.0");
        ScriptedDevice device = app(command -> {
            if (command.equals("run-as " + PKG + " id")) {
                return "uid=10234(u0_a234) gid=10234(u0_a234) groups=10234(u0_a234) context=u:r:untrusted_app:s0:c234,c256,c512,c768\n";
            }
            if (command.startsWith("run-as " + PKG + " find shared_prefs databases files ")) {
                return "431 shared_prefs/delivery_prefs.xml\n";
            }
            if (command.equals("run-as " + PKG + " cat 'shared_prefs/delivery_prefs.xml'")) {
                return fixture("storage/delivery_prefs.xml");
            }
            return null;
        });

        TargetResult result = run(device);

        assertThat(result.errors()).isEmpty();
        Run baseline = result.evidence().section(Exploration.class).orElseThrow().functions().get(0).baseline();
        assertThat(baseline.passed()).as("the permission evidence stands without the proxy").isTrue();
        assertThat(baseline.exchanges()).isEmpty();
        DeviceCapture.RunCapture seen = result.evidence().section(DeviceCapture.class).orElseThrow().runs().get(0);
        assertThat(seen.traffic()).isEqualTo(DeviceCapture.Traffic.NOT_CAPTURED);
        assertThat(seen.trafficSummary().en()).startsWith("traffic not captured: ").contains("WRITE_SECURE_SETTINGS");
        assertThat(seen.trafficSummary().zh()).startsWith("未采集流量：").contains("WRITE_SECURE_SETTINGS");
        assertThat(seen.storageAccess()).isEqualTo("run-as");
        assertThat(baseline.storage()).anyMatch(s -> s.area().equals("shared_prefs") && !s.pi().isEmpty());

        assertThat(result.findings()).extracting(Finding::ruleId).contains("AND-TRAFFIC-NOT-VISIBLE", "DYN-PI-PLAINTEXT-STORAGE")
                .doesNotContain("AND-STORAGE-NOT-INSPECTABLE");
        assertThat(LAB.proxyAdb().httpProxy()).as("the refused setting left the device as it was").isNull();
        assertThat(LAB.proxyAdb().reverses()).isEmpty();
    }
}
