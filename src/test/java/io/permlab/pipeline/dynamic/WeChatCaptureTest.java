package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.report.ReportOptions;
import io.permlab.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mini-program's runs inside WeChat captured like an APK's, end to end through {@link AndroidBatch}. The device is two
 * doubles AT THE adb/Appium BOUNDARY ONLY (no device exists on these machines): the session's {@link ScriptedDevice}
 * (WeChat's reconstructed page sources, Appium contexts) and the proxy setting's
 * {@link io.permlab.device.adbproxy.ScriptedDevice}. The lab proxy, the lab CA, the HTTPS backend and "WeChat's" HTTP
 * clients are real: when the flow taps, WeChat sends through the device's proxy setting — with a client that does not
 * trust the lab CA (WeChat on Android 7+ trusts only system CAs: the usual outcome), or with one that does (a lab CA in
 * the system store), the program's request to its host and WeChat's own report to a host of WeChat's.
 */
class WeChatCaptureTest {
    private static final String PHONE = "13912345678";
    private static final String PHONE_BASE64 = Base64.getEncoder().encodeToString(PHONE.getBytes(StandardCharsets.UTF_8));
    private static final String ALLOW = "com.tencent.mm:id/k3c";
    @RegisterExtension
    static final LabNetwork LAB = new LabNetwork();

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryInsideWeChat.target(tmp, DeliveryInsideWeChat.typingThePhone("地址已保存"), "\"ownHosts\": [\"localhost\"],");
        Files.writeString(targetDir.resolve("persona.json"), "{\"phone\": \"" + PHONE + "\"}");
        out = tmp.resolve("out");
    }

    /** WeChat: the program's page, its location sheet, the saved page; tapping 新增收货地址 makes WeChat send {@code sends}. */
    private ScriptedDevice wechat(Consumer<String> sends) {
        ScriptedDevice device = DeliveryInsideWeChat.wechat(DeliveryInsideWeChat.homeWithPhoneField())
                .appOps(fixture("appops/appops-get-api33.txt"));
        return device.onTap("新增收货地址", d -> {
            sends.accept(String.join("", d.typed()));
            d.show(fixture("wechat/sheet-location-zh.xml"));
        }).onTap(ALLOW, d -> d.show(fixture("wechat/page-address-saved.xml")));
    }

    /** WeChat's network stack as on Android 7+: it trusts no user CA, so the handshake with the proxy fails. */
    private void sentByWeChatTrustingNoUserCa(String typed) {
        try {
            LabNetwork.refused(LAB.trustingNoUserCa(), LAB.url("127.0.0.1", "/api/address"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeChat trusting the lab CA: the program posts the typed phone (base64) to its host; WeChat reports to one of its own. */
    private void sentByWeChatTrustingTheLabCa(String typed) {
        try {
            HttpClient weChat = LAB.trustingTheLabCa(tmp.resolve("ca"));
            String encoded = Base64.getEncoder().encodeToString(typed.getBytes(StandardCharsets.UTF_8));
            LabNetwork.postJson(weChat, LAB.url("localhost", "/api/address"), "{\"u\":\"" + encoded + "\"}");
            LabNetwork.postJson(weChat, LAB.url("127.0.0.1", "/mmreport"), "{\"account_phone\":\"" + typed + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TargetResult run(ScriptedDevice device, KnowledgeBase knowledge) {
        AndroidProfile profile = DeliveryOnADevice.scriptedProfile();
        DeviceCapturePlan plan = LAB.plan(tmp.resolve("ca"));
        AndroidBatch batch = new AndroidBatch(knowledge, DialogKnowledge.builtIn(), profile, new FlowRunner.Options(true, 0), true, tmp, null, url -> device, plan);
        return DeliveryOnADevice.only(batch, targetDir, out);
    }

    private static DeviceCapture.RunCapture captureOf(TargetResult result, Run run) {
        return result.evidence().section(DeviceCapture.class).orElseThrow().runs().stream().filter(r -> r.runId().equals(run.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no capture of run " + run.id()));
    }

    @Test
    void weChatRefusingTheLabCaIsRecordedAsTrafficNotVisibleAndItsStorageAsNotInspectableNeverAsClean() throws IOException {
        ScriptedDevice device = wechat(this::sentByWeChatTrustingNoUserCa);

        TargetResult result = run(device, KnowledgeBase.builtIn());

        // only the runs WeChat cannot express (it remembers the baseline's allow; no approximate choice) are not judged
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).containsAnyOf("cannot be expressed", "is not judged"));
        Run baseline = DeliveryOnADevice.baseline(result);
        assertThat(baseline.passed()).as("the permission evidence stands").isTrue();
        assertThat(baseline.exchanges()).isEmpty();
        DeviceCapture section = result.evidence().section(DeviceCapture.class).orElseThrow();
        assertThat(section.packageName()).isEqualTo("com.tencent.mm");
        DeviceCapture.RunCapture seen = captureOf(result, baseline);
        assertThat(seen.traffic()).isEqualTo(DeviceCapture.Traffic.NOT_VISIBLE);
        assertThat(seen.hosts()).extracting(DeviceCapture.Host::host, DeviceCapture.Host::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("127.0.0.1", "REFUSED_BY_CLIENT"));
        // the CA note says what it means for WeChat, not for an APK whose network security config PermLab could read
        assertThat(seen.caNote().en()).startsWith("lab CA not in the device's system store").contains("WeChat (com.tencent.mm) trusts no user CA")
                .doesNotContain("APK-TRUSTS-USER-CA", "API < 24");
        assertThat(seen.caNote().zh()).startsWith("实验室 CA 不在设备的系统证书库中").contains("微信（com.tencent.mm）不信任任何用户证书")
                .doesNotContain("APK-TRUSTS-USER-CA");
        assertThat(seen.storageInspectable()).isFalse();
        assertThat(seen.storageAccess()).isEqualTo("none");
        assertThat(seen.storageNote().en()).contains("inside WeChat's private data", "never reads");
        assertThat(seen.storageNote().zh()).contains("微信的私有数据", "从不读取");
        assertThat(baseline.problems()).extracting(RunProblem::kind).contains("traffic-not-visible", "storage-not-inspectable");

        Finding notVisible = result.findings().stream().filter(f -> f.ruleId().equals("AND-TRAFFIC-NOT-VISIBLE")).findFirst().orElseThrow();
        assertThat(notVisible.message().en()).contains("127.0.0.1", "NOT inspected");
        assertThat(notVisible.evidence()).extracting(EvidencePointer::run).contains(baseline.id());
        Finding storage = result.findings().stream().filter(f -> f.ruleId().equals("AND-STORAGE-NOT-INSPECTABLE")).findFirst().orElseThrow();
        assertThat(storage.message().en()).contains("inside WeChat's private data");
        // the reason inside a Chinese finding is Chinese too
        assertThat(storage.message().zh()).contains("微信的私有数据").doesNotContain("inside WeChat's private data");
        assertThat(notVisible.message().zh()).contains("127.0.0.1", "客户端拒绝了TLS握手").doesNotContain("refused by the client");

        // WeChat's data is never touched: nothing asked of run-as or su, nothing listed, read or pulled
        assertThat(device.shellLog()).noneMatch(c -> c.startsWith("run-as") || c.startsWith("su ") || c.contains("find ")
                || c.startsWith("cat ") || c.contains("base64") || c.startsWith("pm clear"));
        // the device's proxy put back as it was
        assertThat(LAB.proxyAdb().httpProxy()).isNull();
        assertThat(LAB.proxyAdb().reverses()).isEmpty();

        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        assertThat(Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.EN, false),
                new LinkedHashSet<>(List.of("json", "html")))).isEmpty();
        assertThat(Files.readString(reports.resolve("findings.json"))).contains("AND-TRAFFIC-NOT-VISIBLE", "AND-STORAGE-NOT-INSPECTABLE",
                "inside WeChat's private data");
        assertThat(Files.readString(reports.resolve("index.html"))).contains("What could be inspected on the device", "REFUSED")
                // the verdict and the host's state in both languages, the verdict's name beside them as in findings.json
                .contains("<span class=\"zh\" lang=\"zh-CN\">不可见</span>", "not visible</span>", "<code>NOT_VISIBLE</code>",
                        "客户端拒绝了TLS握手（不信任实验室证书）", "TLS handshake refused by the client (it does not trust the lab CA)")
                // the capture's own notes too: traffic summary, CA place, storage
                .contains("<span class=\"zh\" lang=\"zh-CN\">流量不可见：127.0.0.1（客户端拒绝了TLS握手",
                        "<span class=\"zh\" lang=\"zh-CN\">实验室 CA 不在设备的系统证书库中",
                        "<span class=\"zh\" lang=\"zh-CN\">存储不可检查：小程序的存储");
    }

    @Test
    void weChatsOwnTrafficIsSetApartAndOnlyTheProgramsIsJudged() throws IOException {
        // a test cannot resolve weixin.qq.com to the local backend: the lab's knowledge override (as --knowledge DIR) names
        // 127.0.0.1 as WeChat's host, the program's host being localhost
        Path knowledgeDir = Files.createDirectories(tmp.resolve("knowledge"));
        Files.writeString(knowledgeDir.resolve("wechat-client-hosts.json"), "{\"package\": \"com.tencent.mm\", \"hosts\": [\"127.0.0.1\"]}");
        KnowledgeBase knowledge = KnowledgeBase.load(KnowledgeSource.withOverrides(knowledgeDir));

        TargetResult result = run(wechat(this::sentByWeChatTrustingTheLabCa), knowledge);

        // only the runs WeChat cannot express (it remembers the baseline's allow; no approximate choice) are not judged
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).containsAnyOf("cannot be expressed", "is not judged"));
        Run baseline = DeliveryOnADevice.baseline(result);
        NetworkExchange posted = baseline.exchanges().stream().filter(x -> x.host().equals("localhost")).findFirst()
                .orElseThrow(() -> new AssertionError("the program's request is not in the run: " + baseline.exchanges()));
        assertThat(posted.piSent()).anySatisfy(s -> assertThat(s.where()).isEqualTo("body $.u (persona, BASE64)"));
        assertThat(baseline.exchanges()).as("WeChat's own report is not the program's").noneMatch(x -> x.host().equals("127.0.0.1"));
        String har = Files.readString(out.resolve(baseline.harFile()));
        assertThat(har).contains("/api/address").doesNotContain("/mmreport").doesNotContain(PHONE_BASE64).doesNotContain(PHONE);

        DeviceCapture.RunCapture seen = captureOf(result, baseline);
        assertThat(seen.traffic()).as("the verdict is the program's").isEqualTo(DeviceCapture.Traffic.VISIBLE);
        assertThat(seen.hosts()).extracting(DeviceCapture.Host::host).containsExactly("localhost");
        assertThat(seen.clientTraffic().en()).startsWith("com.tencent.mm's own traffic, not judged as the target's: 127.0.0.1");
        assertThat(seen.clientTraffic().zh()).startsWith("com.tencent.mm 自身的流量，不作为被测对象的流量判断：127.0.0.1（");
        assertThat(baseline.problems()).extracting(RunProblem::kind).doesNotContain("traffic-not-visible").contains("storage-not-inspectable");

        // nothing is judged on WeChat's host; the program's own host (target.json ownHosts) is not a third party
        assertThat(result.findings()).flatExtracting(Finding::evidence).noneMatch(p -> String.valueOf(p.file()).contains("127.0.0.1")
                || String.valueOf(p.symbol()).contains("127.0.0.1") || String.valueOf(p.excerpt()).contains("127.0.0.1"));
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("DYN-PI-THIRD-PARTY", "AND-TRAFFIC-NOT-VISIBLE");
        assertThat(result.evidence().section(Exploration.class).orElseThrow().ownHosts()).containsExactly("localhost");
    }

    @Test
    void weChatsOwnDeviceFactsAreNeitherCollectedNorJudgedAsTheProgramsAndNoAndroidRuleIsListedAsPassed() throws IOException {
        ScriptedDevice device = wechat(this::sentByWeChatTrustingNoUserCa);

        TargetResult result = run(device, KnowledgeBase.builtIn());

        assertThat(result.evidence().section(DeviceEvidence.class)).isEmpty();
        assertThat(device.shellLog()).noneMatch(c -> c.startsWith("dumpsys") || c.startsWith("appops") || c.startsWith("logcat"));
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.equals("device-facts.json"));
        }
        // the rules that read WeChat's device facts did not judge the program: not listed, so no report shows them passed
        assertThat(result.rules()).contains("AND-TRAFFIC-NOT-VISIBLE", "AND-STORAGE-NOT-INSPECTABLE")
                .doesNotContain("AND-LOCATION-BACKGROUND", "AND-REFUSAL-EXIT", "AND-REFUSAL-LOOP", "AND-REFUSAL-GRANT-SCREEN",
                        "AND-PERMISSION-USED-NOT-NEEDED");
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        RunResult run = new RunResult("run", "PermLab", "test", Instant.now(), Instant.now(), List.of(result));
        assertThat(Reports.write(run, KnowledgeBase.builtIn(), new ReportOptions(reports, Lang.EN, false),
                new LinkedHashSet<>(List.of("junit")))).isEmpty();
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("AND-TRAFFIC-NOT-VISIBLE").doesNotContain("AND-REFUSAL-EXIT")
                .doesNotContain("AND-LOCATION-BACKGROUND");
    }
}
