package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.rules.android.RefusalExitRule;
import io.permlab.rules.android.RefusalGrantScreenRule;
import io.permlab.rules.android.RefusalLoopRule;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Run;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What happens after a refusal on Android: exit, loop, a grant-only screen (164号文 S1/S3/S4), on hand-built runs. */
class RefusalRulesTest {
    private static final String LOC = "geolocation";

    private static Map<Run, DeviceRunFacts> byRun(Object... runAndFacts) {
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        for (int i = 0; i < runAndFacts.length; i += 2) {
            m.put((Run) runAndFacts[i], (DeviceRunFacts) runAndFacts[i + 1]);
        }
        return m;
    }

    @Nested
    class Loop {
        private List<Finding> loop(Run denied) {
            Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
            return findings(new RefusalLoopRule(), "餐饮外卖", exploration(base, denied), device(byRun(base, quiet(), denied, quiet())));
        }

        @Test
        void twoMoreDialogsAfterTheRefusalAreALoop() {
            List<Finding> f = loop(denied(LOC).failed().ask(refused(LOC, "LOCATION", 2), refused(LOC, "LOCATION", 2),
                    refused(LOC, "LOCATION", 3)).build());
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("AND-REFUSAL-LOOP");
                assertThat(x.message().en()).contains("2 more times", "add-address-deny-geolocation");
                assertThat(x.evidence()).hasSize(3);
            });
        }

        @Test
        void oneMoreDialogIsNoLoopButDynPermReasksAlone() {
            assertThat(loop(denied(LOC).failed().ask(refused(LOC, "LOCATION", 2), refused(LOC, "LOCATION", 3)).build())).isEmpty();
        }

        @Test
        void dialogsOnTheRelaunchProbeAndOfOtherGroupsDoNotCount() {
            assertThat(loop(denied(LOC).failed().ask(refused(LOC, "LOCATION", 2),
                    dialog(LOC, "LOCATION", io.permlab.model.dynamic.RequestAnswer.FAILED, 3, true),
                    dialog(LOC, "LOCATION", io.permlab.model.dynamic.RequestAnswer.FAILED, 3, true),
                    granted("camera", "CAMERA", 3), granted("camera", "CAMERA", 3)).build())).isEmpty();
        }

        @Test
        void theLoopThresholdIsTheRulesLoopAsksParameter(@TempDir Path dir) throws IOException {
            String json;
            try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/rules-android.json")) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(json).contains("\"loopAsks\": 2");
            Files.writeString(dir.resolve("rules-android.json"), json.replace("\"loopAsks\": 2", "\"loopAsks\": 1"));
            KnowledgeBase kb = KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
            Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
            Run once = denied(LOC).failed().ask(refused(LOC, "LOCATION", 2), refused(LOC, "LOCATION", 3)).build();
            assertThat(findings(kb, new RefusalLoopRule(), "餐饮外卖", exploration(base, once), device(byRun(base, quiet(), once, quiet()))))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("once more"));
        }

        @Test
        void anInconclusiveRunOrOneWithoutARefusalIsNotJudged() {
            assertThat(loop(denied(LOC).inconclusive("the session was lost").ask(refused(LOC, "LOCATION", 2),
                    refused(LOC, "LOCATION", 2), refused(LOC, "LOCATION", 3)).build())).isEmpty();
            // the dialogs came but none was refused (the diff saw no change): no refusal to loop after
            assertThat(loop(denied(LOC).failed().ask(dialog(LOC, "LOCATION", io.permlab.model.dynamic.RequestAnswer.UNKNOWN, 2, false),
                    dialog(LOC, "LOCATION", io.permlab.model.dynamic.RequestAnswer.UNKNOWN, 2, false),
                    dialog(LOC, "LOCATION", io.permlab.model.dynamic.RequestAnswer.UNKNOWN, 3, false)).build())).isEmpty();
        }
    }

    @Nested
    class Exit {
        private final Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
        private final Run denied = denied(LOC).failed().ask(refused(LOC, "LOCATION", 2)).build();

        private List<Finding> exit(Run baseline, DeviceRunFacts baseFacts, DeviceRunFacts deniedFacts) {
            return findings(new RefusalExitRule(), "餐饮外卖", exploration(baseline, denied), device(byRun(baseline, baseFacts, denied, deniedFacts)));
        }

        @Test
        void aCrashLoggedAfterTheRefusalIsAnExit() {
            List<Finding> f = exit(base, quiet(), facts(33, List.of(), crashesIn("crash-buffer-api33.txt"),
                    new DeviceRunFacts.FlowEnd(false, HOME, HOME, List.of())));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("AND-REFUSAL-EXIT");
                assertThat(x.message().en()).contains("the device logged a crash of the app (12-06 08:01:02.345, java.lang.SecurityException");
                assertThat(x.message().zh()).contains("设备记录了应用崩溃");
                assertThat(x.evidence()).anySatisfy(e -> assertThat(e.excerpt()).contains("pid 4242"));
            });
        }

        @Test
        void anAnrIsAnExitToo() {
            assertThat(exit(base, quiet(), facts(33, List.of(), crashesIn("system-anr-api33.txt"), inFront("新增收货地址"))))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("an ANR of the app", "Input dispatching timed out"));
        }

        @Test
        void aProcessGoneOrTheHomeScreenInFrontIsAnExitWithoutACrash() {
            assertThat(exit(base, quiet(), facts(33, List.of(), List.of(), new DeviceRunFacts.FlowEnd(false, null, null, List.of()))))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("the app's process was gone"));
            assertThat(exit(base, quiet(), facts(33, List.of(), List.of(), new DeviceRunFacts.FlowEnd(true, HOME, HOME, List.of()))))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("the home screen (" + HOME + ") was in front"));
        }

        @Test
        void anotherWindowInFrontOrAnUnknownHomeIsNoExit() {
            assertThat(exit(base, quiet(), facts(33, List.of(), List.of(), new DeviceRunFacts.FlowEnd(true, "com.android.settings", HOME, List.of()))))
                    .isEmpty();
            assertThat(exit(base, quiet(), facts(33, List.of(), List.of(), new DeviceRunFacts.FlowEnd(null, HOME, null, List.of())))).isEmpty();
        }

        @Test
        void aCrashIsNoEvidenceWhenTheBaselineFailedOrCrashedItself() {
            DeviceRunFacts crashed = facts(33, List.of(), crashesIn("crash-buffer-api33.txt"), inFront());
            Run failedBase = baseline().failed().ask(granted(LOC, "LOCATION", 2)).build();
            assertThat(exit(failedBase, quiet(), crashed)).isEmpty();
            assertThat(exit(base, crashed, crashed)).isEmpty();
            // a flow that leaves the app in the baseline too (it ends by going home) says nothing about the refusal
            DeviceRunFacts home = facts(33, List.of(), List.of(), new DeviceRunFacts.FlowEnd(true, HOME, HOME, List.of()));
            assertThat(exit(base, home, home)).isEmpty();
            assertThat(findings(new RefusalExitRule(), "餐饮外卖", exploration(base, denied), device(byRun(denied, crashed)))).isEmpty();
        }
    }

    @Nested
    class GrantScreen {
        private final Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
        private final Run blocked = denied(LOC).failed().ask(refused(LOC, "LOCATION", 2)).build();

        private List<Finding> screen(String category, Run denied, DeviceRunFacts.FlowEnd end) {
            return findings(new RefusalGrantScreenRule(), category, exploration(base, denied),
                    device(byRun(base, quiet(), denied, facts(33, List.of(), List.of(), end))));
        }

        @Test
        void onlyAGrantScreenAfterTheRefusalIsReported() {
            List<Finding> f = screen("餐饮外卖", blocked, inFront("需要开启精确定位才能新增地址", "去设置"));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("AND-REFUSAL-GRANT-SCREEN");
                assertThat(x.message().zh()).contains("需要开启精确定位才能新增地址", "餐饮外卖");
                assertThat(x.evidence()).hasSize(3);
            });
            assertThat(screen("餐饮外卖", blocked, inFront("Location permission required to add an address", "Go to Settings")))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("Location permission required"));
        }

        @Test
        void aScreenThatAsksForNothingOrAFunctionThatWentOnIsNotReported() {
            assertThat(screen("餐饮外卖", blocked, inFront("请输入收货地址", "保存"))).isEmpty();
            Run wentOn = denied(LOC).ask(refused(LOC, "LOCATION", 2)).build();
            assertThat(screen("餐饮外卖", wentOn, inFront("地址已保存", "开启定位可自动填写"))).isEmpty();
        }

        @Test
        void aCategoryThatNeedsThePermissionMayAskForIt() {
            assertThat(screen("地图导航", blocked, inFront("需要开启定位权限才能导航", "去设置"))).isEmpty();
        }

        @Test
        void theAppGoneOrAnotherAppInFrontIsNotAGrantScreen() {
            assertThat(screen("餐饮外卖", blocked, new DeviceRunFacts.FlowEnd(true, "com.android.settings", HOME, List.of("去设置")))).isEmpty();
            assertThat(screen("餐饮外卖", blocked, new DeviceRunFacts.FlowEnd(false, PKG, HOME, List.of("去设置")))).isEmpty();
        }
    }
}
