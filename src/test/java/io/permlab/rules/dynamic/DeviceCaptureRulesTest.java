package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Localized;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.android.DeviceCapture;
import io.permlab.model.android.DeviceCapture.Host;
import io.permlab.model.android.DeviceCapture.RunCapture;
import io.permlab.model.android.DeviceCapture.Traffic;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.android.StorageNotInspectableRule;
import io.permlab.rules.android.TrafficNotVisibleRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The device-capture coverage rules (rules.android) on hand-built capture sections: a compliant case (all seen) and each way something was not. */
class DeviceCaptureRulesTest {
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();
    private static final Host API = new Host("api.example.com", "VISIBLE", new Localized("流量可见", "traffic visible"), 4, 0, 0, 0, null);
    private static final Host PINNED = new Host("pay.example.com", "REFUSED_BY_CLIENT",
            new Localized("客户端拒绝了TLS握手", "TLS handshake refused by the client"), 0, 2, 0, 0, "Received fatal alert: certificate_unknown");

    private static RunCapture run(String id, Traffic traffic, List<Host> hosts, boolean storage) {
        String summary = traffic.name().toLowerCase();
        return new RunCapture(id, "f", traffic, new Localized(summary, summary), hosts, null, storage ? "run-as" : "none", storage,
                storage ? new Localized("已通过 run-as 读取存储：2 个文件", "storage read through run-as: 2 files")
                        : new Localized("存储不可检查：应用不可调试（x），设备未 root（y）", "storage not inspectable: not debuggable (x), not rooted (y)"),
                2, List.of());
    }

    private static List<Finding> judge(RunCapture... runs) {
        Target target = new Target("app", "app", TargetKind.APK, Paths.get("apps/app"), null, List.of());
        RuleEngine.Outcome outcome = new RuleEngine(KB, List.of(new TrafficNotVisibleRule(), new StorageNotInspectableRule()))
                .run(Evidence.of(target, new DeviceCapture("com.example", List.of(runs))), null);
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings();
    }

    @Test
    void everythingSeenAndReadGivesNoFinding() {
        assertThat(judge(run("f-grant", Traffic.VISIBLE, List.of(API), true))).isEmpty();
    }

    @Test
    void aPinnedHostIsNamedOnceAcrossRunsWithItsHandshakeAndEveryRun() {
        List<Finding> findings = judge(run("f-grant", Traffic.PARTLY_VISIBLE, List.of(API, PINNED), true),
                run("f-deny-camera", Traffic.NOT_VISIBLE, List.of(PINNED), true));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AND-TRAFFIC-NOT-VISIBLE");
            assertThat(f.severity().id()).isEqualTo("info");
            assertThat(f.message().en()).contains("pay.example.com").contains("certificate_unknown").contains("f-grant, f-deny-camera")
                    .contains("not a clean result").doesNotContain("api.example.com");
            // each language's message carries that language's reason, the TLS stack's words in both
            assertThat(f.message().zh()).contains("pay.example.com", "客户端拒绝了TLS握手", "certificate_unknown").doesNotContain("refused by the client");
            assertThat(f.evidence()).hasSize(2);
        });
    }

    @Test
    void aRunWithNoTrafficOrNoProxyIsNotSilence() {
        List<Finding> findings = judge(run("f-grant", Traffic.NO_TRAFFIC, List.of(), true), run("f-deny", Traffic.NOT_CAPTURED, List.of(), true));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("AND-TRAFFIC-NOT-VISIBLE", "AND-TRAFFIC-NOT-VISIBLE");
        assertThat(findings).extracting(f -> f.message().en()).anyMatch(m -> m.contains("(no host reached the proxy)"))
                .anyMatch(m -> m.contains("(no proxy)"));
        assertThat(findings).extracting(f -> f.message().zh()).anyMatch(m -> m.contains("（没有主机到达代理）"))
                .anyMatch(m -> m.contains("（无代理）"));
    }

    @Test
    void unreadableStorageIsOneFindingPerReasonNamingItsRuns() {
        List<Finding> findings = judge(run("f-grant", Traffic.VISIBLE, List.of(API), false), run("f-deny", Traffic.VISIBLE, List.of(API), false));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AND-STORAGE-NOT-INSPECTABLE");
            assertThat(f.message().en()).contains("com.example").contains("not debuggable").contains("f-grant, f-deny");
            assertThat(f.message().zh()).contains("com.example", "应用不可调试", "f-grant, f-deny").doesNotContain("not debuggable");
        });
    }
}
