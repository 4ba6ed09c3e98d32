package io.permlab.device.miniprogram;

import io.permlab.exercise.ObservedEvent;
import io.permlab.model.dynamic.RunPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry exploration's taps in the runtime (docs/miniprogram-runtime.md, "Entry exploration"): each tappable
 * element once, innermost first, disabled ones skipped, the page brought back after a navigation, and no more than
 * {@link MiniProgramSession#EXPLORED_TAPS} per page — the bound gets its cases on both sides.
 */
class ExplorationTapsTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aPageWithAsManyTappablesAsTheBoundGetsThemAllTapped() throws Exception {
        assertThat(explored(program(MiniProgramSession.EXPLORED_TAPS))).hasSize(MiniProgramSession.EXPLORED_TAPS);
    }

    @Test
    void aPageWithOneMoreGetsTheBoundAndNoMore() throws Exception {
        List<String> tapped = explored(program(MiniProgramSession.EXPLORED_TAPS + 1));
        assertThat(tapped).hasSize(MiniProgramSession.EXPLORED_TAPS).first().isEqualTo("项目 0");
        assertThat(tapped).doesNotContain("项目 " + MiniProgramSession.EXPLORED_TAPS);
    }

    @Test
    void innermostFirstDisabledSkippedAndThePageBroughtBackAfterANavigation() throws Exception {
        Path p = base("mixed");
        Files.writeString(p.resolve("pages/index/index.wxml"), String.join("\n",
                "<view class=\"card\" bindtap=\"onCard\"><button bindtap=\"onInner\">内层按钮</button></view>",
                "<button disabled=\"{{true}}\" bindtap=\"onInner\">已禁用</button>",
                "<navigator url=\"/pages/other/other\">去另一页</navigator>"));
        Files.writeString(p.resolve("pages/index/index.js"), "Page({onCard() {}, onInner() {}});");
        Files.createDirectories(p.resolve("pages/other"));
        Files.writeString(p.resolve("pages/other/other.json"), "{}");
        Files.writeString(p.resolve("pages/other/other.wxml"), "<view>另一页</view>");
        Files.writeString(p.resolve("pages/other/other.js"), "Page({});");
        Files.writeString(p.resolve("app.json"), "{\"pages\": [\"pages/index/index\", \"pages/other/other\"]}");
        try (MiniProgramSession s = session(p)) {
            s.open("/pages/index/index", null);
            s.tap(MiniProgramSession.EVERY_TAPPABLE, Duration.ofSeconds(20));
            List<ObservedEvent> events = s.takeEvents();
            assertThat(taps(events)).containsExactly("内层按钮", "去另一页");
            assertThat(events).filteredOn(e -> "return".equals(e.details().get("action"))).hasSize(1);
            assertThat(s.currentRoute()).isEqualTo("pages/index/index");
        }
    }

    private List<String> explored(Path program) throws Exception {
        try (MiniProgramSession s = session(program)) {
            s.open("/pages/index/index", null);
            s.tap(MiniProgramSession.EVERY_TAPPABLE, Duration.ofSeconds(30));
            return taps(s.takeEvents());
        }
    }

    private static List<String> taps(List<ObservedEvent> events) {
        return events.stream().filter(e -> "tap".equals(e.details().get("action"))).map(e -> e.details().get("text")).toList();
    }

    private MiniProgramSession session(Path program) throws Exception {
        return new MiniProgramSessionFactory(MiniProgramConfig.standard(HOME, program, dir.resolve("scratch-" + program.getFileName())))
                .openMiniProgram(RunPolicy.baseline());
    }

    /** A page listing {@code n} items, each with a tap handler that does nothing. */
    private Path program(int n) throws Exception {
        Path p = base("items-" + n);
        Files.writeString(p.resolve("pages/index/index.wxml"),
                "<view wx:for=\"{{items}}\" wx:key=\"*this\" bindtap=\"onItem\">{{item}}</view>");
        Files.writeString(p.resolve("pages/index/index.js"), "Page({data: {items: Array.from({length: " + n
                + "}, (_, i) => '项目 ' + i)}, onItem() {}});");
        return p;
    }

    private Path base(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.resolve("pages/index"));
        Files.writeString(p.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(p.resolve("app.js"), "App({});");
        Files.writeString(p.resolve("pages/index/index.json"), "{}");
        return p;
    }
}
