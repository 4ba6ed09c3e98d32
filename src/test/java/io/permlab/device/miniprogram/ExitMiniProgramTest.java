package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedEvent;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.permlab.device.miniprogram.MiniProgramSessionTest.HOME;
import static io.permlab.device.miniprogram.MiniProgramSessionTest.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A program that leaves WeChat's foreground (wx.exitMiniProgram, a navigator with open-type="exit") is closed, as in
 * WeChat: its page is gone, later steps fail as the app's doing (element not found, "the mini-program exited"), the
 * exit is on the run's timeline, its storage stays readable, and opening a page launches it again.
 * wx.navigateBackMiniProgram leaves only a program another one opened, which the runtime's launch (scene 1001) is not.
 */
class ExitMiniProgramTest {
    private static final Duration LONG = Duration.ofSeconds(8);

    @TempDir
    Path scratch;

    /** A consent box whose 不同意 runs {@code onDisagree}; a 计算 button and a result after it. */
    private Path program(String onDisagree, String extraMarkup, String onLoad) throws IOException {
        Path mp = Files.createDirectories(scratch.resolve("mp-" + Math.abs((onDisagree + extraMarkup + onLoad).hashCode())));
        Files.createDirectories(mp.resolve("pages/index"));
        Files.writeString(mp.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(mp.resolve("app.js"), "App({});\n");
        Files.writeString(mp.resolve("pages/index/index.json"), "{}");
        Files.writeString(mp.resolve("pages/index/index.wxml"), "<view><button id=\"disagree\" bindtap=\"onDisagree\">不同意并退出</button>"
                + extraMarkup + "<button id=\"calc\" bindtap=\"calc\">计算</button><text>{{result}}</text></view>\n");
        Files.writeString(mp.resolve("pages/index/index.js"), "Page({\n  data: {result: ''},\n  onLoad() {" + onLoad + "},\n"
                + "  onDisagree() {\n" + onDisagree + "\n  },\n  calc() { wx.setStorageSync('n', 1); this.setData({result: '结果42'}); }\n});\n");
        return mp;
    }

    private MiniProgramSession open(Path program) throws Exception {
        MiniProgramSession s = new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, program, scratch)).openMiniProgram(RunPolicy.baseline());
        s.open("/pages/index/index", null);
        s.settle(Duration.ofMillis(300));
        return s;
    }

    private static Locator css(String c) {
        return new Locator(LocatorKind.CSS, c);
    }

    @Test
    void exitMiniProgramClosesTheProgramAndLaterStepsFailAsTheAppsDoing() throws Exception {
        try (MiniProgramSession s = open(program("wx.exitMiniProgram();", "", ""))) {
            s.tap(css("#calc"), SHORT);
            s.tap(css("#disagree"), SHORT);
            s.settle(Duration.ofMillis(300));

            assertThat(s.visibleText()).doesNotContain("计算").doesNotContain("不同意");
            long start = System.nanoTime();
            SessionException tap = catchThrowableOfType(() -> s.tap(css("#calc"), LONG), SessionException.class);
            assertThat(tap.kind()).isEqualTo(SessionException.Kind.ELEMENT_NOT_FOUND);
            assertThat(tap.kind().isFunctionEvidence()).isTrue();
            assertThat(tap.getMessage()).contains("the mini-program exited").contains("wx.exitMiniProgram").contains("#disagree");
            assertThat(tap.reason().zh()).contains("小程序已退出");
            // nothing can bring the page back: the step does not wait out its timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG.dividedBy(2));

            Session.Visibility checkpoint = s.awaitVisible(css("#calc"), LONG);
            assertThat(checkpoint.visible()).isFalse();
            assertThat(checkpoint.decidedBy().en()).contains("the mini-program exited");
            SessionException typed = catchThrowableOfType(() -> s.type(css("#calc"), "1", SHORT), SessionException.class);
            assertThat(typed.kind()).isEqualTo(SessionException.Kind.ELEMENT_NOT_FOUND);
            SessionException back = catchThrowableOfType(s::back, SessionException.class);
            assertThat(back.kind()).isEqualTo(SessionException.Kind.ELEMENT_NOT_FOUND);

            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("exit")).singleElement().satisfies(e -> {
                assertThat(e.api()).isEqualTo("exitMiniProgram");
                assertThat(e.details()).containsEntry("route", "pages/index/index");
            });
            // what the program stored before it exited is still there to read
            assertThat(s.storage().entries()).anySatisfy(en -> assertThat(en.key()).isEqualTo("n"));
            assertThat(s.takePageErrors()).isEmpty();

            // the user opening the program again: it runs again
            s.open("/pages/index/index", null);
            s.tap(css("#calc"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("结果42");
        }
    }

    @Test
    void aNavigatorThatExitsClosesTheProgramToo() throws Exception {
        Path mp = program("", "<navigator id=\"leave\" target=\"miniProgram\" open-type=\"exit\">退出</navigator>", "");
        try (MiniProgramSession s = open(mp)) {
            s.tap(css("#leave"), SHORT);
            s.settle(Duration.ofMillis(300));
            SessionException tap = catchThrowableOfType(() -> s.tap(css("#calc"), SHORT), SessionException.class);
            assertThat(tap.kind()).isEqualTo(SessionException.Kind.ELEMENT_NOT_FOUND);
            assertThat(tap.getMessage()).contains("the mini-program exited");
            assertThat(s.takeEvents()).extracting(ObservedEvent::kind).contains("exit");
        }
    }

    /** The entry exploration opens the page again after a tap that closed the program, and taps the rest. */
    @Test
    void theEntryExplorationGoesOnAfterATapThatExits() throws Exception {
        try (MiniProgramSession s = open(program("wx.exitMiniProgram();", "", ""))) {
            s.tap(MiniProgramSession.EVERY_TAPPABLE, Duration.ofSeconds(10));
            assertThat(s.events()).filteredOn(e -> e.kind().equals("exit")).singleElement()
                    .satisfies(e -> assertThat(e.field("after")).contains("不同意并退出"));
            assertThat(s.visibleText()).contains("结果42");
            assertThat(s.takePageErrors()).isEmpty();
        }
    }

    /** WeChat lets a program exit only on a tap: called from onLoad it fails, and the program goes on. */
    @Test
    void exitWithoutATapFailsAndTheProgramStays() throws Exception {
        Path mp = program("", "", "wx.exitMiniProgram({fail: (e) => this.setData({result: e.errMsg})});");
        try (MiniProgramSession s = open(mp)) {
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("exitMiniProgram:fail");
            s.tap(css("#calc"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("结果42");
        }
    }

    /** navigateBackMiniProgram returns only to a program that opened this one; launched from WeChat it fails and stays. */
    @Test
    void navigateBackMiniProgramFailsWhenNoProgramOpenedThisOne() throws Exception {
        Path mp = program("wx.navigateBackMiniProgram({fail: (e) => this.setData({result: e.errMsg})});", "", "");
        try (MiniProgramSession s = open(mp)) {
            s.tap(css("#disagree"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.visibleText()).contains("navigateBackMiniProgram:fail").contains("计算");
            assertThat(s.takeEvents()).filteredOn(e -> e.kind().equals("exit")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("left", "false"));
        }
    }
}
