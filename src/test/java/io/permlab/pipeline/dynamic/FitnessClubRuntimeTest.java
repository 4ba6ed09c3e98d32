package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fitness-club test program (src/test/resources/miniprogram/fitness-club, README there) run in the real runtime:
 * its source folder alone gets the entry exploration, which now taps what each page offers, so asks made only on a
 * tap are proven without a flow; its target.json's flows prove a function blocked by a refused scope that has no
 * web-permission counterpart (scope.werun) and an album sheet without purpose. Nothing here is a double: the
 * program runs in Node with miniprogram-simulate, the rules judge what the runtime's journal recorded.
 */
class FitnessClubRuntimeTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path CLUB = HOME.resolve("src/test/resources/miniprogram/fitness-club");

    @Test
    void theEntryExplorationTapsEachPageAndProvesWhatIsAskedOnATap(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("yuedong");
        MiniProgramEntryExplorationTest.copy(CLUB.resolve("miniprogram"), bare);
        TargetResult t = MiniProgramEntryExplorationTest.run(options(), List.of(bare), "运动健身", dir.resolve("out")).get(0);
        assertThat(t.errors()).isEmpty();
        List<FunctionExploration> pages = t.evidence().section(Exploration.class).orElseThrow().functions();
        assertThat(pages).extracting(FunctionExploration::functionId).containsExactly("open-pages-home-home", "open-pages-steps-steps",
                "open-pages-poster-poster", "open-pages-checkin-checkin");

        // the home page's entries were each tapped once, the page brought back after each navigation
        Run home = pages.get(0).baseline();
        assertThat(home.events()).filteredOn(e -> "tap".equals(e.detail("action"))).extracting(e -> e.detail("text"))
                .containsExactly("我的步数", "会员海报", "到店签到");
        assertThat(home.events()).filteredOn(e -> "return".equals(e.detail("action"))).hasSize(3);
        assertThat(pages.get(0).runs()).as("home asks for nothing itself").hasSize(1);

        // WeRun is asked only when "同步今日步数" is tapped: at the exploration's tap step, not on entry
        FunctionExploration steps = pages.get(1);
        assertThat(steps.runs()).extracting(Run::id).containsExactly("open-pages-steps-steps-grant", "open-pages-steps-steps-deny-scope.werun");
        PermissionRequest asked = steps.baseline().requests().get(0);
        assertThat(asked.api()).isEqualTo("wx.getWeRunData");
        assertThat(asked.stepIndex()).isEqualTo(2);
        Run refused = steps.run("open-pages-steps-steps-deny-scope.werun");
        assertThat(refused.events()).filteredOn(e -> e.kind().equals("modal")).extracting(e -> e.detail("showCancel")).containsExactly("false");

        // forced re-authorization, seen at run time: for the check-in page linked to the static finding by its fingerprint
        Finding staticFinding = t.findings().stream().filter(f -> f.ruleId().equals("MP-LOC-FORCED-REAUTH")).findFirst().orElseThrow();
        List<Finding> forced = t.findings().stream().filter(f -> f.ruleId().equals("DYN-MP-FORCED-REAUTH")).toList();
        assertThat(forced).hasSize(2);
        Finding checkin = forced.stream().filter(f -> f.message().en().contains("location")).findFirst().orElseThrow();
        assertThat(checkin.evidence()).filteredOn(p -> p.kind().equals("related")).extracting(EvidencePointer::file)
                .containsExactly(staticFinding.fingerprint());
        assertThat(checkin.message().en()).contains("confirms the static finding MP-LOC-FORCED-REAUTH");
        Finding werun = forced.stream().filter(f -> f.message().en().contains("WeRun")).findFirst().orElseThrow();
        assertThat(werun.evidence()).noneMatch(p -> p.kind().equals("related")); // the static catalogue has no getWeRunData
        // the check-in page's cancellable "签到规则" modal is on the timeline and proves nothing
        assertThat(pages.get(3).baseline().events()).filteredOn(e -> e.kind().equals("modal"))
                .extracting(e -> e.detail("showCancel")).contains("true");

        // the listener agrees for the user: each page's private API went ahead before any agreement
        assertThat(t.findings()).filteredOn(f -> f.ruleId().equals("DYN-MP-BEFORE-PRIVACY"))
                .extracting(f -> f.message().en().replaceAll(".* at step \\d+, (wx\\.\\w+) .*", "$1"))
                .containsExactlyInAnyOrder("wx.getWeRunData", "wx.saveImageToPhotosAlbum", "wx.getLocation");
    }

    @Test
    void aFunctionThatNeedsWeRunIsMandatoryInAFitnessProgramAndTheAlbumSheetHasNoPurpose(@TempDir Path dir) throws Exception {
        TargetResult t = MiniProgramEntryExplorationTest.run(options(), List.of(CLUB), null, dir.resolve("out")).get(0);
        assertThat(t.errors()).isEmpty();
        // neither the step count nor the album is necessary PI for sports and fitness (categories.json): both are judged
        assertThat(t.findings()).filteredOn(f -> f.ruleId().equals("DYN-PERM-MANDATORY")).extracting(f -> f.message().zh())
                .satisfiesExactlyInAnyOrder(m -> assertThat(m).contains("同步今日步数", "微信运动步数"),
                        m -> assertThat(m).contains("保存会员海报", "相册（仅写入）"));
        assertThat(t.findings()).filteredOn(f -> f.ruleId().equals("DYN-PERM-NO-PURPOSE")).extracting(f -> f.message().en())
                .anySatisfy(m -> assertThat(m).contains("photo album (write only)"));
        FunctionExploration poster = t.evidence().section(Exploration.class).orElseThrow().functions().stream()
                .filter(f -> f.functionId().equals("save-poster")).findFirst().orElseThrow();
        assertThat(poster.runs()).extracting(Run::id).contains("save-poster-deny-scope.writePhotosAlbum");
        assertThat(poster.baseline().events()).extracting(RunEvent::kind).contains("private");
    }

    private static DynamicOptions options() throws Exception {
        return new DynamicOptions(DeviceProfiles.load(HOME.resolve("devices/local-chromium.json")), SessionChoice.local(),
                true, new FlowRunner.Options(true, 0), HOME);
    }
}
