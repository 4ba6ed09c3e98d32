package io.permlab.pipeline.dynamic;

import io.permlab.device.uiautomator.ScriptedDevice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;

/**
 * The mini-program target the WeChat pipeline tests explore inside WeChat on a scripted device: the forced-location
 * test program (src/test/fixtures/miniprogram/forced-location) with a "wechat" block and one function "add-address",
 * and WeChat as the scripted double at the adb/Appium boundary shows it ({@link ScriptedDevice}: Appium contexts,
 * reconstructed WeChat page sources under src/test/resources/android/wechat/). Each test adds what its taps do.
 */
final class DeliveryInsideWeChat {
    /** WeChat's "允许" on its authorization sheets, as the reconstructed sheets carry it. */
    static final String ALLOW = "com.tencent.mm:id/k3c";
    /** The same flow as the APK target's: open, tap "新增收货地址", expect "地址已保存". */
    static final String FLOW = DeliveryOnADevice.FLOW;

    private DeliveryInsideWeChat() {
    }

    /** The same flow typing the persona's phone into the program's phone field first. */
    static String typingThePhone(String checkpoint) {
        return """
                {"function": "add-address",
                 "steps": [
                   {"open": "app"},
                   {"type": {"text": "手机号"}, "text": "${persona.phone}"},
                   {"tap": {"text": "新增收货地址"}, "start": true},
                   {"checkpoint": {"text": "%s"}, "timeoutMs": 300}
                 ]}
                """.formatted(checkpoint);
    }

    /** Writes the target under {@code tmp/apps/delivery-wechat}; {@code moreFields} go into target.json as written. */
    static Path target(Path tmp, String flow, String moreFields) throws IOException {
        Path dir = tmp.resolve("apps/delivery-wechat");
        copy(Path.of("src/test/fixtures/miniprogram/forced-location").toAbsolutePath(), dir.resolve("mp"));
        Files.writeString(dir.resolve("target.json"), """
                {"name": "delivery inside WeChat", "kind": "miniprogram", "category": "餐饮外卖", "source": "mp",%s
                 "wechat": {"appId": "wx0123456789abcdef", "path": "pages/index/index"},
                 "functions": [{"id": "add-address", "name": "新增收货地址", "flow": "add-address.flow.json"}]}
                """.formatted(moreFields.isEmpty() ? "" : "\n " + moreFields));
        Files.writeString(dir.resolve("add-address.flow.json"), flow);
        return dir;
    }

    /** WeChat installed, opening the program (am start) on {@code homePage}; the test adds what its taps show. */
    static ScriptedDevice wechat(String homePage) {
        ScriptedDevice device = new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .webContexts("WEBVIEW_com.tencent.mm:tools", "WEBVIEW_com.tencent.mm:appbrand0");
        device.shell(command -> {
            if (command.startsWith("pm path com.tencent.mm")) {
                return "package:/data/app/~~x/com.tencent.mm-1/base.apk\n";
            }
            if (command.startsWith("am start ")) {
                device.show(homePage);
                return "Status: ok\n";
            }
            return null;
        });
        return device;
    }

    /** The program's home page with a phone field ("手机号") where the reconstructed page has "附近门店". */
    static String homeWithPhoneField() {
        return fixture("wechat/page-home.xml").replace("text=\"附近门店\"", "text=\"手机号\"");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
