package io.permlab.device.android;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crash and ANR blocks in logcat's threadtime format, composed from AOSP's printing code (android/logcat/README.md). */
class CrashLogParserTest {
    private static final String PKG = "io.permlab.sample.delivery";
    private final CrashLogParser parser = new CrashLogParser();

    @Test
    void theAppsFatalExceptionIsReadWithItsProcessPidAndExceptionAndAnotherAppsIsNot() {
        List<AppCrash> crashes = parser.parse(AndroidFixtures.read("logcat/crash-buffer-api33.txt"), PKG, "logcat -b crash");

        assertThat(crashes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AppCrash.Kind.CRASH);
            assertThat(c.process()).isEqualTo(PKG);
            assertThat(c.pid()).isEqualTo(4242);
            assertThat(c.time()).isEqualTo("12-06 08:01:02.345");
            assertThat(c.summary()).startsWith("java.lang.SecurityException: Client must have ACCESS_FINE_LOCATION");
            assertThat(c.lines()).hasSize(13).last().asString().contains("ZygoteInit.main");
            assertThat(c.lines()).noneMatch(l -> l.contains("othernews"));
        });
    }

    @Test
    void aCrashOfTheAppsSecondaryProcessIsTheApps() {
        List<AppCrash> crashes = parser.parse(AndroidFixtures.read("logcat/crash-buffer-api23-remote.txt"), PKG, "logcat -b crash");

        assertThat(crashes).singleElement().satisfies(c -> {
            assertThat(c.process()).isEqualTo(PKG + ":location");
            assertThat(c.pid()).isEqualTo(4377);
            assertThat(c.summary()).contains("\"gps\" location provider requires ACCESS_FINE_LOCATION");
        });
        // a package whose name merely starts the same is someone else's
        assertThat(parser.parse(AndroidFixtures.read("logcat/crash-buffer-api23-remote.txt"), "io.permlab.sample.deliv", "x")).isEmpty();
    }

    @Test
    void anAnrIsOneMessageEndingWhereTheNextLogEntryBegins() {
        List<AppCrash> anrs = parser.parse(AndroidFixtures.read("logcat/system-anr-api33.txt"), PKG, "logcat -b system");

        assertThat(anrs).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AppCrash.Kind.ANR);
            assertThat(a.pid()).isEqualTo(4255);
            assertThat(a.summary()).startsWith("Input dispatching timed out");
            assertThat(a.lines()).hasSize(15).noneMatch(l -> l.contains("Killing"));
        });
    }

    @Test
    void noCrashIsNoCrashAndAnUnreadableLineIsNamed() {
        assertThat(parser.parse("--------- beginning of crash\n", PKG, "logcat -b crash")).isEmpty();
        assertThat(parser.parse("", PKG, "logcat -b crash")).isEmpty();
        assertThatThrownBy(() -> parser.parse("--------- beginning of crash\nlogcat: Unknown buffer 'crash'.\n", PKG, "logcat -b crash"))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("logcat -b crash, line 2");
    }
}
