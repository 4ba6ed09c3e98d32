package io.permlab.device.miniprogram;

import io.permlab.exercise.PageError;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page that throws, a require that cannot be resolved, a setData that never stops and a handler that never returns
 * (src/test/resources/miniprogram/faulty): each is recorded on the session, and the runtime process is bounded.
 */
class MiniProgramFaultsTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path PROGRAM = HOME.resolve("src/test/resources/miniprogram/faulty");
    static final Duration SHORT = Duration.ofMillis(1000);

    @TempDir
    Path scratch;

    private MiniProgramSession open(long commandMillis) throws SessionException {
        MiniProgramConfig c = MiniProgramConfig.standard(HOME, PROGRAM, scratch);
        MiniProgramConfig bounded = new MiniProgramConfig(c.node(), c.script(), c.nodeModules(), c.source(), c.scratch(), commandMillis,
                c.precise(), c.approximate(), c.fixtures(), c.ceilings());
        return new MiniProgramSessionFactory(bounded).openMiniProgram(RunPolicy.baseline());
    }

    @Test
    void aPageThatThrowsIsShownAndItsErrorRecorded() throws Exception {
        try (MiniProgramSession s = open(20_000)) {
            s.open("/pages/home/home", null);
            s.tap(new Locator(LocatorKind.TEXT, "会出错的页面"), SHORT);
            s.settle(Duration.ofMillis(300));
            assertThat(s.currentRoute()).isEqualTo("pages/throws/throws");
            assertThat(s.visibleText()).isEqualTo("出错页");
            assertThat(s.takePageErrors()).extracting(PageError::message).singleElement()
                    .satisfies(m -> assertThat(m).contains("Cannot read properties of null (reading 'id')"));
        }
    }

    @Test
    void anUnresolvableRequireFailsTheOpenWithWeChatsMessage() throws Exception {
        try (MiniProgramSession s = open(20_000)) {
            assertThatThrownBy(() -> s.open("/pages/badrequire/badrequire", null))
                    .isInstanceOfSatisfying(SessionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SessionException.Kind.SESSION_ERROR);
                        assertThat(e.getMessage()).contains("module \"utils/missing.js\" is not defined");
                    });
            assertThat(s.takePageErrors()).isNotEmpty();
            s.open("/pages/home/home", null); // the session goes on
            assertThat(s.visibleText()).contains("会出错的页面");
        }
    }

    @Test
    void anEndlessSetDataIsCutAndTheSessionGoesOn() throws Exception {
        try (MiniProgramSession s = open(20_000)) {
            s.open("/pages/loop/loop", null);
            s.settle(Duration.ofMillis(500));
            List<PageError> errors = s.takePageErrors();
            assertThat(errors).extracting(PageError::message).anySatisfy(m -> assertThat(m).startsWith("cut by PermLab: setData called more than 5000"));
            assertThat(s.visibleText()).isEqualTo("计数 5000");
        }
    }

    @Test
    void aHandlerThatNeverReturnsStopsTheRuntimeWithinTheCommandTimeout() throws Exception {
        try (MiniProgramSession s = open(5_000)) {
            s.open("/pages/home/home", null);
            assertThatThrownBy(() -> s.tap(new Locator(LocatorKind.TEXT, "卡死"), Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(SessionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SessionException.Kind.SESSION_ERROR);
                        assertThat(e.getMessage()).contains("did not answer 'tap'");
                    });
            assertThatThrownBy(s::visibleText).isInstanceOfSatisfying(SessionException.class,
                    e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.BROWSER_CRASH));
        }
    }

    @Test
    void aHandlerThatAllocatesWithoutEndStopsAtTheRuntimesMemoryCeiling() throws Exception {
        // a command timeout long enough that only the memory ceiling can end the handler first
        try (MiniProgramSession s = open(60_000)) {
            s.open("/pages/home/home", null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> s.tap(new Locator(LocatorKind.TEXT, "吃内存"), Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(SessionException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SessionException.Kind.BROWSER_CRASH);
                        assertThat(e.getMessage()).contains("memory ceiling of " + MiniProgramConfig.HEAP_MB + " MB");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        }
    }
}
