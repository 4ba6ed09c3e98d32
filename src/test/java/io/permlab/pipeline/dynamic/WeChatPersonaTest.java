package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import io.permlab.capture.PersonaReader;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.FlowRunner;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.TargetResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test persona on a mini-program run inside WeChat, end to end through {@link AndroidBatch}: persona.json beside
 * the target gives the phone a flow types, the device profile's "persona" the IMEI. The device is a SCRIPTED DOUBLE AT
 * THE adb/Appium BOUNDARY ONLY ({@link ScriptedDevice} with Appium contexts and reconstructed WeChat page sources; the
 * typed text kept): not a device test. The program's saved page shows the phone back, as written and base64-encoded
 * (a program echoing its form and a token) — PI by shape does not mask the base64, only the persona masker does.
 */
class WeChatPersonaTest {
    private static final String ALLOW = "com.tencent.mm:id/k3c";
    private static final String PHONE = "13912345678";
    private static final String PHONE_BASE64 = Base64.getEncoder().encodeToString(PHONE.getBytes(StandardCharsets.UTF_8));
    private static final String IMEI = "356938035643809";

    @TempDir
    Path tmp;
    private Path targetDir;
    private Path out;

    @BeforeEach
    void target() throws IOException {
        targetDir = DeliveryInsideWeChat.target(tmp, DeliveryInsideWeChat.typingThePhone("地址已保存"), "");
        Files.writeString(targetDir.resolve("persona.json"), "{\"name\": \"张三丰\", \"phone\": \"" + PHONE + "\"}");
        out = tmp.resolve("out");
    }

    private void flow(String checkpoint) throws IOException {
        Files.writeString(targetDir.resolve("add-address.flow.json"), DeliveryInsideWeChat.typingThePhone(checkpoint));
    }

    /** WeChat with the program's home page (a phone field), its location sheet, and a saved page echoing what was typed. */
    static ScriptedDevice wechat() {
        return DeliveryInsideWeChat.wechat(DeliveryInsideWeChat.homeWithPhoneField()).onTap("新增收货地址", d -> d.show(fixture("wechat/sheet-location-zh.xml")))
                .onTap(ALLOW, d -> {
                    d.show(echoing(PHONE));
                    d.showWebPage("<html><body><p>地址已保存</p><p>联系电话 " + PHONE + " token " + base64(PHONE) + "</p></body></html>");
                });
    }

    /** The saved page with a line showing the account's phone as written and base64-encoded (a program echoing its form and token). */
    static String echoing(String phone) {
        String encoded = base64(phone);
        String saved = "text=\"地址已保存\" checkable=\"false\" checked=\"false\" clickable=\"false\" enabled=\"true\" focusable=\"false\" "
                + "focused=\"false\" long-clickable=\"false\" password=\"false\" scrollable=\"false\" selected=\"false\" "
                + "bounds=\"[0,0][1080,2400]\" displayed=\"true\" />";
        String page = fixture("wechat/page-address-saved.xml");
        assertThat(page).contains(saved);
        return page.replace(saved, saved + "\n<android.view.View index=\"1\" package=\"com.tencent.mm\" class=\"android.view.View\" "
                + "text=\"联系电话 " + phone + " token " + encoded + "\" bounds=\"[0,0][1080,2400]\" displayed=\"true\" />");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private AndroidProfile profile() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("devices")).resolve("pixel.json");
        Files.writeString(file, "{\"kind\": \"android\", \"name\": \"scripted\", \"persona\": {\"imei\": \"" + IMEI + "\"}}");
        return AndroidProfiles.load(file).withPersona(PersonaReader.ofAndroidProfile(file));
    }

    private TargetResult run(ScriptedDevice device) throws Exception {
        AndroidBatch batch = new AndroidBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile(), new FlowRunner.Options(true, 0), true, tmp, null,
                url -> device, null);
        return DeliveryOnADevice.only(batch, targetDir, out);
    }

    @Test
    void theFlowTypesThePersonasPhoneNotTheReferenceToIt() throws Exception {
        ScriptedDevice device = wechat();

        TargetResult result = run(device);

        assertThat(device.typed()).containsExactly(PHONE);
        assertThat(DeliveryOnADevice.baseline(result).passed()).isTrue();
        assertThat(DeliveryOnADevice.baseline(result).steps()).noneMatch(s -> s.description() != null && s.description().contains(PHONE));
    }

    @Test
    void aReferenceToAFieldThePersonaDoesNotGiveStopsTheFunctionNamingTheStep() throws Exception {
        Files.writeString(targetDir.resolve("add-address.flow.json"), Files.readString(targetDir.resolve("add-address.flow.json"))
                .replace("${persona.phone}", "${persona.email}"));
        ScriptedDevice device = wechat();

        TargetResult result = run(device);

        assertThat(device.sessions()).as("nothing typed a literal reference on the phone").isEmpty();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message())
                .contains("add-address.flow.json:", "${persona.email}", "which the persona does not give", "'add-address' not run"));
    }

    @Test
    void aFailedStepsPageSourceAndEveryOtherFileHidesThePersonaAndItsEncodings() throws Exception {
        flow("这段文字不会出现"); // the checkpoint fails on the echoing page: its page source is kept

        TargetResult result = run(wechat());

        assertThat(DeliveryOnADevice.baseline(result).passed()).isFalse();
        assertThat(DeliveryOnADevice.baseline(result).steps()).anySatisfy(s -> assertThat(s.pageSource()).isNotNull());
        List<Path> files;
        try (Stream<Path> all = Files.walk(out)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().matches("step-\\d+-page\\.html"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text).as(f.toString()).doesNotContain(PHONE).doesNotContain(PHONE_BASE64.replace("=", ""));
        }
    }
}
