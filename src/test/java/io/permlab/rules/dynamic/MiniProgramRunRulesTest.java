package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.miniprogram.ForcedReauthorizationRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mini-program rules over runs, on runs built the way the runtime's journal reads (JournalReader: a sheet is a
 * request "wx.getWeRunData" with its scope, the settings page a request "wx.openSetting" with "via", modals and
 * privacy answers timeline events). The boundaries each get a case: a modal with cancel and one without, a settings
 * page the program opens and one the user's button opens, one re-ask and two, the privacy agreement by the user's tap,
 * by the program, and a program that does not opt in.
 */
class MiniProgramRunRulesTest {
    private static final Rule FORCED = new MiniProgramForcedReauthRule(new ForcedReauthorizationRule());
    private static final Rule BEFORE_PRIVACY = new MiniProgramBeforePrivacyRule();

    @Test
    void aModalWithoutCancelAfterTheRefusalIsForced() {
        Run refused = refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false)
                .modal(120, false).build();
        List<Finding> found = findings(FORCED, refused);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("showed a dialog that cannot be cancelled (showCancel: false) 1 time.")
                    .contains("found no matching code");
            assertThat(f.evidence()).extracting(EvidencePointer::kind).containsExactly("permission-request", "timeline");
            assertThat(f.evidence().get(1).excerpt()).contains("showCancel=false", "需要微信运动授权");
        });
    }

    @Test
    void aModalTheUserCanCancelIsNot() {
        Run refused = refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false)
                .modal(120, true).build();
        assertThat(findings(FORCED, refused)).isEmpty();
    }

    @Test
    void aCancellableModalAboutThePermissionShownAgainAfterEachCancelIsForced() {
        // 反复征求: the user cancels and the same plea comes back
        RunBuilder nag = refused("geolocation").sheet("getFuzzyLocation", "scope.userFuzzyLocation", 100, false);
        for (int i = 0; i < 4; i++) {
            nag.modal(120 + i, true, "需要位置权限", "不开启位置将无法添加收货地址", "去设置");
        }
        assertThat(findings(FORCED, nag.build())).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("showed a dialog about location again after the user cancelled it: 4 times");
            assertThat(f.evidence()).extracting(EvidencePointer::kind).containsExactly("permission-request", "timeline", "timeline", "timeline");
        });
        // one cancellable explanation is fine; dialogs about something else ("保存成功") are not about the permission
        Run once = refused("geolocation").sheet("getFuzzyLocation", "scope.userFuzzyLocation", 100, false)
                .modal(120, true, "需要位置权限", "不开启位置将无法自动填写区域", "去设置").build();
        Run unrelated = refused("geolocation").sheet("getFuzzyLocation", "scope.userFuzzyLocation", 100, false)
                .modal(120, true, "提示", "保存成功", "确定").modal(130, true, "提示", "保存成功", "确定")
                .modal(140, true, "提示", "是否继续编辑收货人", "继续").build();
        assertThat(findings(FORCED, once)).isEmpty();
        assertThat(findings(FORCED, unrelated)).isEmpty();
    }

    @Test
    void aModalBeforeTheRefusalIsNotItsAnswer() {
        Run refused = refused("scope.werun").modal(50, false).sheet("getWeRunData", "scope.werun", 100, false).build();
        assertThat(findings(FORCED, refused)).isEmpty();
    }

    @Test
    void theSettingsPageTheProgramOpensIsForcedButNotTheOneTheUsersButtonOpens() {
        Run byProgram = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false)
                .settings(130, "openSetting").build();
        Run byButton = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false)
                .settings(130, "button:openSetting").build();
        assertThat(findings(FORCED, byProgram)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("opened the settings page itself 1 time (wx.openSetting)"));
        assertThat(findings(FORCED, byButton)).isEmpty();
    }

    @Test
    void aSettingsPageTheProgramTriedToOpenWithoutATapIsStillForcingButSaidAsIs() {
        // WeChat refuses wx.openSetting without a tap: nothing showed, but the program tried to push the user there
        Run tried = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false).triedSettings(130).build();
        assertThat(findings(FORCED, tried)).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("tried to open the settings page without a tap 1 time (wx.openSetting;")
                    .doesNotContain("opened the settings page");
            assertThat(f.evidence()).extracting(EvidencePointer::kind).containsExactly("permission-request", "timeline");
        });
        assertThat(findings(new PermissionReaskRule(), tried)).as("nothing was shown: no re-ask").isEmpty();
    }

    @Test
    void oneReaskIsNotALoopTwoAre() {
        // after the precise sheet was refused, the fuzzy and the background sheets are shown: the user is asked again
        Run once = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false)
                .sheet("getFuzzyLocation", "scope.userFuzzyLocation", 200, false).build();
        Run twice = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false)
                .sheet("getFuzzyLocation", "scope.userFuzzyLocation", 200, false)
                .sheet("startLocationUpdateBackground", "scope.userLocationBackground", 300, false).build();
        assertThat(findings(FORCED, once)).isEmpty();
        assertThat(findings(FORCED, twice)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("asked for the same permission 2 more times"));
    }

    @Test
    void callsAfterTheRefusalThatShowNoSheetAreNotAskingAgain() {
        // WeChat answers a refused scope at once with no sheet: the user was shown nothing, however often the program calls
        Run silent = refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false)
                .decided("getWeRunData", "scope.werun", 200).decided("getWeRunData", "scope.werun", 300)
                .decided("authorize", "scope.werun", 400).build();
        assertThat(findings(FORCED, silent)).isEmpty();
        assertThat(findings(new PermissionReaskRule(), silent)).isEmpty();
    }

    @Test
    void aWebPageOrAnAndroidAppThatAsksAgainIsNotAMiniProgramsForcedReauthorization() {
        // the same re-asks in a browser or a native app are DYN-PERM-REASK's and AND-REFUSAL-LOOP's business
        Run twice = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false)
                .sheet("getFuzzyLocation", "scope.userFuzzyLocation", 200, false)
                .sheet("startLocationUpdateBackground", "scope.userLocationBackground", 300, false).build();
        assertThat(findings(TargetKind.H5, FORCED, null, twice)).isEmpty();
        assertThat(findings(TargetKind.APK, FORCED, null, twice)).isEmpty();
        assertThat(findings(TargetKind.MINIPROGRAM, FORCED, null, twice)).hasSize(1);
    }

    @Test
    void aBaselineOrAnInconclusiveRunIsNotJudged() {
        Run baseline = new RunBuilder(RunPolicy.baseline()).sheet("getWeRunData", "scope.werun", 100, true).modal(120, false).build();
        Run cut = refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false).modal(120, false).inconclusive().build();
        assertThat(findings(FORCED, baseline)).isEmpty();
        assertThat(findings(FORCED, cut)).isEmpty();
    }

    @Test
    void aPrivateApiAfterTheProgramsOwnAgreeIsBeforePrivacy() {
        Run run = new RunBuilder(RunPolicy.baseline()).privacy(90, "program").privateApi("getWeRunData", 100, "program")
                .sheet("getWeRunData", "scope.werun", 101, true).build();
        assertThat(findings(BEFORE_PRIVACY, run)).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("wx.getWeRunData went ahead before the user agreed", "answered 'agree' itself");
            assertThat(f.evidence()).extracting(EvidencePointer::kind).containsExactly("timeline", "timeline", "permission-request");
        });
    }

    @Test
    void aPrivateApiAfterTheUserTappedAgreeIsNot() {
        Run run = new RunBuilder(RunPolicy.baseline()).privacy(90, "user").privateApi("getWeRunData", 100, "user")
                .sheet("getWeRunData", "scope.werun", 101, true).build();
        assertThat(findings(BEFORE_PRIVACY, run)).isEmpty();
    }

    @Test
    void aProgramThatDoesNotOptInIsNeverJudged() {
        // WeChat's own privacy pop-up (or the sheet's tick box) comes first: the program cannot ask before it
        Run run = new RunBuilder(RunPolicy.baseline()).privateApi("getLocation", 100, "off")
                .sheet("getLocation", "scope.userLocation", 101, true).build();
        assertThat(findings(BEFORE_PRIVACY, run)).isEmpty();
    }

    @Test
    void aFunctionBlockedByARefusedWeRunIsMandatoryWhereTheCategoryNeedsNoStepCount() {
        Run baseline = new RunBuilder(RunPolicy.baseline()).sheet("getWeRunData", "scope.werun", 100, true).build();
        Run refused = refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false).failed().build();
        List<Finding> found = findings(new PermissionMandatoryRule(), "运动健身", baseline, refused);
        assertThat(found).singleElement().satisfies(f -> assertThat(f.message().zh()).contains("微信运动步数"));
        assertThat(findings(new PermissionMandatoryRule(), "运动健身", baseline,
                refused("scope.werun").sheet("getWeRunData", "scope.werun", 100, false).build())).as("still works when refused").isEmpty();
    }

    @Test
    void aScopeSheetWithoutPurposeIsReportedAndOneThatStatesItIsNot() {
        Run silent = new RunBuilder(RunPolicy.baseline()).sheet("saveImageToPhotosAlbum", "scope.writePhotosAlbum", 100, true).build();
        Run stated = new RunBuilder(RunPolicy.baseline()).purpose("保存到相册用于分享你的打卡海报")
                .sheet("saveImageToPhotosAlbum", "scope.writePhotosAlbum", 100, true).build();
        assertThat(findings(new PermissionWithoutPurposeRule(), null, silent)).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("photo album (write only)"));
        assertThat(findings(new PermissionWithoutPurposeRule(), null, stated)).isEmpty();
    }

    @Test
    void theRelatedStaticFindingIsTheOneOfTheSamePageAndApi() {
        List<RuleContext.Reported> statics = List.of(
                new RuleContext.Reported("MP-LOC-FORCED-REAUTH", "pages/checkin/checkin#checkIn#getLocation", "aa"),
                new RuleContext.Reported("MP-LOC-FORCED-REAUTH", "pages/checkin/checkin#other#getFuzzyLocation", "bb"),
                new RuleContext.Reported("MP-LOC-FORCED-REAUTH", "pages/address/address#locate#getLocation", "cc"));
        PermissionRequest refusal = refused("geolocation").sheet("getLocation", "scope.userLocation", 100, false).build().requests().get(0);
        assertThat(MiniProgramForcedReauthRule.related(statics, refusal)).extracting(RuleContext.Reported::fingerprint).containsExactly("aa");
    }

    // --- runs as the mini-program session records them

    private static RunBuilder refused(String permission) {
        return new RunBuilder(RunPolicy.deny(permission));
    }

    private static final class RunBuilder {
        final RunPolicy policy;
        final List<PermissionRequest> requests = new ArrayList<>();
        final List<RunEvent> events = new ArrayList<>();
        boolean passed = true;
        boolean inconclusive;
        String purpose;

        RunBuilder(RunPolicy policy) {
            this.policy = policy;
        }

        RunBuilder sheet(String api, String scope, long at, boolean allowed) {
            Map<String, String> options = new LinkedHashMap<>(Map.of("scope", scope, "sheet", "shown", "desc", "(none in app.json)"));
            requests.add(request(permission(scope), "wx." + api, options, at, allowed ? "success" : "error:auth deny"));
            return this;
        }

        /** A call answered from the earlier refusal with no sheet: JournalReader puts it on the timeline only. */
        RunBuilder decided(String api, String scope, long at) {
            events.add(new RunEvent(at, 1, "auth", api, Map.of("scope", scope, "sheet", "not shown: decided before", "granted", "false")));
            return this;
        }

        RunBuilder settings(long at, String via) {
            String scope = policy.permission().startsWith("scope.") ? policy.permission() : "scope.userLocation";
            requests.add(request(policy.permission(), "wx.openSetting", Map.of("scope", scope, "sheet", "settings page", "via", via), at,
                    "error:left refused in settings"));
            return this;
        }

        /** wx.openSetting without a tap: WeChat opened nothing, the runtime journals the attempt on the timeline. */
        RunBuilder triedSettings(long at) {
            events.add(new RunEvent(at, 1, "settings", "openSetting", Map.of("opened", "false", "afterRefusal", "true",
                    "reason", "tried to open the settings page without a tap")));
            return this;
        }

        RunBuilder modal(long at, boolean showCancel, String title, String content, String confirmText) {
            events.add(new RunEvent(at, 1, "modal", null, Map.of("title", title, "content", content, "confirmText", confirmText,
                    "showCancel", Boolean.toString(showCancel), "answer", showCancel ? "cancel" : "confirm")));
            return this;
        }

        RunBuilder modal(long at, boolean showCancel) {
            events.add(new RunEvent(at, 1, "modal", null, Map.of("title", "需要微信运动授权", "content", "请在设置中开启",
                    "showCancel", Boolean.toString(showCancel), "answer", showCancel ? "cancel" : "confirm")));
            return this;
        }

        RunBuilder privacy(long at, String by) {
            events.add(new RunEvent(at, 1, "privacy", "getWeRunData", Map.of("answer", "agree", "by", by, "shown", "program-popup")));
            return this;
        }

        RunBuilder privateApi(String api, long at, String privacy) {
            events.add(new RunEvent(at, 1, "private", api, Map.of("privacy", privacy)));
            return this;
        }

        /** The purpose the session saw on screen for the requests that follow. */
        RunBuilder purpose(String text) {
            this.purpose = text;
            return this;
        }

        RunBuilder failed() {
            passed = false;
            return this;
        }

        RunBuilder inconclusive() {
            inconclusive = true;
            passed = false;
            return this;
        }

        private static String permission(String scope) {
            return scope.startsWith("scope.user") && scope.contains("Location") ? "geolocation" : scope; // Scopes.permission: every location scope
        }

        private PermissionRequest request(String permission, String api, Map<String, String> options, long at, String outcome) {
            RequestAnswer answer = outcome.startsWith("success") ? RequestAnswer.SUCCEEDED : RequestAnswer.FAILED;
            return new PermissionRequest(permission, api, options, at, 1, "miniprogram://fitness-club", "pages/checkin/checkin", true,
                    false, false, false, purpose != null, purpose, "granted", outcome, answer, null, "runs/x/step-01-request.png");
        }

        Run build() {
            String id = "sync-steps-" + policy.id();
            List<StepRecord> steps = passed ? List.of() : List.of(new StepRecord(2, "checkpoint", "checkpoint css=.today", 200, 3000, false,
                    "no element css=.today", "runs/x/step-02-failed.png", "runs/x/step-02-page.html"));
            return new Run(id, "sync-steps", policy, "test", Instant.EPOCH, 4000, null, 1, steps, requests, List.of(), List.of(),
                    new CheckpointResult(passed, "checkpoint css=.today", passed ? "visible" : "not reached", 3000, "runs/x/cp.png"),
                    List.of(), "runs/x/traffic.har", List.of(), inconclusive ? RunOutcome.inconclusive("runtime stopped") : RunOutcome.of(passed),
                    null, List.of(), List.of(), events);
        }
    }

    private static List<Finding> findings(Rule rule, Run run) {
        return findings(rule, null, run);
    }

    private static List<Finding> findings(Rule rule, String category, Run... runs) {
        return findings(TargetKind.MINIPROGRAM, rule, category, runs);
    }

    private static List<Finding> findings(TargetKind kind, Rule rule, String category, Run... runs) {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Run baseline = runs[0];
        List<PermissionEffect> effects = new ArrayList<>();
        for (int i = 1; i < runs.length; i++) {
            Run v = runs[i];
            effects.add(new PermissionEffect(v.policy().permission(), v.policy().kind(), baseline.id(), baseline.passed(), v.id(), v.passed(),
                    !baseline.inconclusive() && !v.inconclusive()));
        }
        Exploration x = new Exploration("miniprogram://fitness-club/pages/home/home", List.of(), "test",
                List.of(new FunctionExploration("sync-steps", "同步今日步数", "flows/sync-steps.flow.json", List.of(runs), effects)));
        Target target = new Target("fitness", "fitness", kind, Paths.get("fitness"),
                category == null ? null : kb.category(category).id(), List.of());
        RuleEngine.Outcome outcome = new RuleEngine(kb, List.of(rule)).run(Evidence.of(target, x), category == null ? null : kb.category(category));
        assertThat(outcome.errors()).isEmpty();
        return outcome.findings();
    }
}
