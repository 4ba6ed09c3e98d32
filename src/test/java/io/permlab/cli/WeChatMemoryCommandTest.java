package io.permlab.cli;

import io.permlab.device.uiautomator.WeChatAnswerMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code permlab devices --wechat-answers} and {@code --forget-wechat PROGRAM}: what PermLab recorded that WeChat
 * remembers (state/wechat-answers.json, the real memory class writing a real file), and forgetting one program after
 * it was deleted from WeChat by hand — by its AppID when one device holds it, by the full key otherwise; nothing else
 * in the file is touched.
 */
class WeChatMemoryCommandTest {
    private static final String PHONE_A = "R5CT20ABCDE|com.tencent.mm|wx0123456789abcdef";
    private static final String PHONE_B = "emulator-5554|com.tencent.mm|wx0123456789abcdef";
    private static final String OTHER = "R5CT20ABCDE|com.tencent.mm|wxfedcba9876543210";

    private static Path memory(Path dir) {
        Path file = dir.resolve("state/wechat-answers.json");
        WeChatAnswerMemory m = WeChatAnswerMemory.at(file);
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        m.remember(PHONE_A, new WeChatAnswerMemory.Answer("scope.userLocation", "geolocation", "allow", "add-address-grant", at));
        m.remember(PHONE_B, new WeChatAnswerMemory.Answer("scope.userLocation", "geolocation", "deny", "add-address-deny-geolocation", at));
        m.remember(OTHER, new WeChatAnswerMemory.Answer("scope.camera", "camera", "allow", "scan-grant", at));
        return file;
    }

    @Test
    void listsEachProgramWithWhatWeChatRemembers(@TempDir Path dir) {
        WeChatMemoryCommand.Outcome listed = WeChatMemoryCommand.list(memory(dir));
        assertThat(listed.exit()).isZero();
        assertThat(String.join("\n", listed.lines())).contains(PHONE_A, PHONE_B, OTHER,
                "scope.userLocation allow (run add-address-grant, 2026-12-06T10:00:00Z)", "scope.camera allow");
    }

    @Test
    void noMemoryYetIsSaidSo(@TempDir Path dir) {
        WeChatMemoryCommand.Outcome listed = WeChatMemoryCommand.list(dir.resolve("state/wechat-answers.json"));
        assertThat(listed.exit()).isZero();
        assertThat(listed.lines()).singleElement().asString().contains("nothing remembered");
    }

    @Test
    void anAppIdOnOneDeviceIsForgottenAndTheRestKept(@TempDir Path dir) {
        Path file = memory(dir);
        WeChatMemoryCommand.Outcome done = WeChatMemoryCommand.forget(file, "wxfedcba9876543210");
        assertThat(done.exit()).isZero();
        assertThat(String.join("\n", done.lines())).contains("forgot " + OTHER, "deleted from WeChat by hand");
        WeChatAnswerMemory reread = WeChatAnswerMemory.at(file);
        assertThat(reread.answers(OTHER)).isEmpty();
        assertThat(reread.answers(PHONE_A)).hasSize(1);
        assertThat(reread.answers(PHONE_B)).hasSize(1);
    }

    @Test
    void anAppIdOnTwoDevicesNeedsTheFullKeyAndNothingIsForgotten(@TempDir Path dir) throws Exception {
        Path file = memory(dir);
        String before = Files.readString(file);
        WeChatMemoryCommand.Outcome refused = WeChatMemoryCommand.forget(file, "wx0123456789abcdef");
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(String.join("\n", refused.lines())).contains("2 programs match", PHONE_A, PHONE_B);
        assertThat(Files.readString(file)).isEqualTo(before);

        WeChatMemoryCommand.Outcome done = WeChatMemoryCommand.forget(file, PHONE_B);
        assertThat(done.exit()).isZero();
        assertThat(WeChatAnswerMemory.at(file).answers(PHONE_B)).isEmpty();
        assertThat(WeChatAnswerMemory.at(file).answers(PHONE_A)).hasSize(1);
    }

    @Test
    void aProgramNotInTheMemoryIsAUsageErrorListingWhatIs(@TempDir Path dir) {
        WeChatMemoryCommand.Outcome refused = WeChatMemoryCommand.forget(memory(dir), "wx9999999999999999");
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(String.join("\n", refused.lines())).contains("no program", "wx9999999999999999", OTHER);
    }

    @Test
    void aFileThatIsNotTheMemoryIsNamedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state/wechat-answers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[1, 2");
        WeChatMemoryCommand.Outcome refused = WeChatMemoryCommand.forget(file, "wx0123456789abcdef");
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(String.join("\n", refused.lines())).contains(file.toString());
        assertThat(Files.readString(file)).isEqualTo("[1, 2");
    }

    @Test
    void theCommandLineTakesBothOptions() {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = PermLab.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                "devices", "--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--wechat-answers", "--forget-wechat");
    }
}
