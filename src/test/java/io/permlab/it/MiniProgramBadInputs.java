package io.permlab.it;

import io.permlab.testsupport.WxapkgBytes;
import io.permlab.testsupport.WxapkgPacker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Broken and hostile mini-programs, built byte by byte or file by file, for the bad-input batch. */
final class MiniProgramBadInputs {
    private MiniProgramBadInputs() {
    }

    static Path badMagic(Path dir) {
        WxapkgBytes w = WxapkgBytes.of("/app.json", "{\"pages\":[]}");
        w.firstMark = 'P';
        return WxapkgPacker.write(dir.resolve("bad-magic.wxapkg"), w.bytes());
    }

    static Path truncatedIndex(Path dir) {
        byte[] whole = WxapkgBytes.of("/app.json", "{\"pages\":[]}", "/pages/a/a.js", "Page({})").bytes();
        return WxapkgPacker.write(dir.resolve("truncated-index.wxapkg"), Arrays.copyOf(whole, 40));
    }

    static Path offsetOutOfRange(Path dir) {
        WxapkgBytes w = WxapkgBytes.of("/app.json", "{\"pages\":[]}");
        w.entries.set(0, WxapkgBytes.Entry.of("/app.json", 1L << 20, 12));
        return WxapkgPacker.write(dir.resolve("out-of-range.wxapkg"), w.bytes());
    }

    static Path overlapping(Path dir) {
        WxapkgBytes w = WxapkgBytes.of("/app.json", "{\"pages\":[]}", "/app.js", "App({})");
        WxapkgBytes.Entry second = w.entries.get(1);
        w.entries.set(1, new WxapkgBytes.Entry(second.name(), second.nameLength(), second.offset() - 6, second.size()));
        return WxapkgPacker.write(dir.resolve("overlap.wxapkg"), w.bytes());
    }

    static Path climbingNames(Path dir) {
        return WxapkgPacker.write(dir.resolve("zipslip.wxapkg"),
                WxapkgBytes.of("/app.json", "{\"pages\":[]}", "/../../evil.sh", "rm -rf ~").bytes());
    }

    static Path absurdSize(Path dir) {
        WxapkgBytes w = WxapkgBytes.of("/app.json", "{\"pages\":[]}");
        WxapkgBytes.Entry e = w.entries.get(0);
        w.entries.set(0, new WxapkgBytes.Entry(e.name(), e.nameLength(), e.offset(), 0xFFFF0000L));
        return WxapkgPacker.write(dir.resolve("absurd-size.wxapkg"), w.bytes());
    }

    static Path encryptedWithoutAppId(Path dir) {
        byte[] plain = WxapkgBytes.of("/app.json", "{\"pages\":[]}").bytes();
        return WxapkgPacker.write(dir.resolve("pc-package.wxapkg"), WxapkgPacker.encryptForPc(plain, "wx1234567890abcdef"));
    }

    static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("empty.wxapkg"), new byte[0]);
    }

    static Path malformedAppJson(Path dir) throws IOException {
        Path mp = Files.createDirectories(dir.resolve("broken-appjson"));
        Files.writeString(mp.resolve("app.json"), "{\n  \"pages\": [\"pages/index/index\",]\n}\n");
        return mp;
    }

    /** A good page beside a page whose script does not parse: partly inspected. */
    static Path brokenScript(Path dir) throws IOException {
        Path mp = Files.createDirectories(dir.resolve("broken-script/pages/home"));
        Files.createDirectories(dir.resolve("broken-script/pages/oops"));
        Files.writeString(dir.resolve("broken-script/app.json"), "{\"pages\": [\"pages/home/home\", \"pages/oops/oops\"],"
                + " \"permission\": {\"scope.userLocation\": {\"desc\": \"用于查找附近门店\"}}, \"requiredPrivateInfos\": [\"getLocation\"]}");
        Files.writeString(mp.resolve("home.js"), "Page({\n  onShow() {\n    wx.getLocation();\n  }\n});\n");
        Files.writeString(dir.resolve("broken-script/pages/oops/oops.js"), "Page({\n  onLoad() {\n    if (a {\n  }\n});\n");
        return dir.resolve("broken-script");
    }
}
