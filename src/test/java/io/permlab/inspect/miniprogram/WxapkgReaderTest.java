package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.testsupport.WxapkgBytes;
import io.permlab.testsupport.WxapkgPacker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .wxapkg layout read from bytes, and every lie a hostile package can tell, built byte by byte. */
class WxapkgReaderTest {
    private static final InspectionLimits LIMITS = InspectionLimits.defaults();

    private static Wxapkg read(byte[] bytes) throws InspectionException {
        return WxapkgReader.read("test.wxapkg", bytes, LIMITS);
    }

    private static String rejection(byte[] bytes) {
        try {
            read(bytes);
        } catch (InspectionException e) {
            assertThat(e.file()).isEqualTo("test.wxapkg");
            return e.getMessage();
        }
        throw new AssertionError("the package was accepted");
    }

    @Test
    void readsWhatThePackerWrote() throws InspectionException {
        byte[] pkg = WxapkgPacker.pack(Map.of("app.json", "{\"pages\":[]}".getBytes(StandardCharsets.UTF_8),
                "pages/中文/页.js", "Page({})".getBytes(StandardCharsets.UTF_8)));
        Wxapkg w = read(pkg);
        assertThat(w.paths()).containsExactly("app.json", "pages/中文/页.js");
        assertThat(new String(w.bytes("pages/中文/页.js"), StandardCharsets.UTF_8)).isEqualTo("Page({})");
        assertThat(pkg[0] & 0xFF).isEqualTo(0xBE);
        assertThat(pkg[13] & 0xFF).isEqualTo(0xED);
    }

    @Test
    void rejectsBadMagicBytes() {
        WxapkgBytes w = WxapkgBytes.of("/a.js", "x");
        w.firstMark = 0x50;
        assertThat(rejection(w.bytes())).contains("not a wxapkg (starts with 50");
        WxapkgBytes v = WxapkgBytes.of("/a.js", "x");
        v.lastMark = 0x00;
        assertThat(rejection(v.bytes())).contains("byte 13 is 00");
        assertThat(rejection("PK\3\4 not a wxapkg".getBytes(StandardCharsets.ISO_8859_1))).contains("not a wxapkg");
        assertThat(rejection(new byte[]{(byte) 0xBE, 0, 0})).contains("3 bytes, shorter than the 14-byte header");
    }

    @Test
    void rejectsATruncatedIndex() {
        byte[] whole = WxapkgBytes.of("/app.json", "{}", "/a.js", "Page({})").bytes();
        assertThat(rejection(Arrays.copyOf(whole, 30))).contains("truncated index");
        WxapkgBytes w = WxapkgBytes.of("/a.js", "x");
        w.count = 5L;
        assertThat(rejection(w.bytes())).contains("truncated").contains("entry 1 of 5");
    }

    @Test
    void rejectsABodyShorterThanDeclared() {
        WxapkgBytes w = WxapkgBytes.of("/a.js", "x");
        w.bodyLength = 1000L;
        assertThat(rejection(w.bytes())).contains("truncated body: the header declares 1000 body bytes");
    }

    @Test
    void rejectsOffsetsOutOfRange() {
        WxapkgBytes w = WxapkgBytes.of("/a.js", "xyz");
        WxapkgBytes.Entry e = w.entries.get(0);
        w.entries.set(0, new WxapkgBytes.Entry(e.name(), e.nameLength(), e.offset() + 2, 3));
        assertThat(rejection(w.bytes())).contains("entry 'a.js' points at bytes").contains("outside the body");
        WxapkgBytes into = WxapkgBytes.of("/a.js", "xyz");
        into.entries.set(0, WxapkgBytes.Entry.of("/a.js", 2, 3));
        assertThat(rejection(into.bytes())).contains("outside the body");
    }

    @Test
    void rejectsOverlappingEntries() {
        WxapkgBytes w = WxapkgBytes.of("/a.js", "aaaa", "/b.js", "bbbb");
        WxapkgBytes.Entry b = w.entries.get(1);
        w.entries.set(1, new WxapkgBytes.Entry(b.name(), b.nameLength(), b.offset() - 2, 4));
        assertThat(rejection(w.bytes())).contains("entries 'a.js'").contains("'b.js'").contains("overlap");
    }

    @Test
    void rejectsNamesThatClimbOutOrAreAbsolute() {
        assertThat(rejection(WxapkgBytes.of("/../../evil.sh", "rm -rf ~").bytes()))
                .contains("entry '/../../evil.sh' climbs out of the archive");
        assertThat(rejection(WxapkgBytes.of("/pages/../../x.js", "x").bytes())).contains("climbs out");
        assertThat(rejection(WxapkgBytes.of("//etc/passwd", "x").bytes())).contains("is an absolute path");
        assertThat(rejection(WxapkgBytes.of("/a\0b.js", "x").bytes())).contains("NUL");
    }

    @Test
    void rejectsAbsurdDeclaredSizesAndCounts() {
        WxapkgBytes w = WxapkgBytes.of("/a.js", "x");
        WxapkgBytes.Entry e = w.entries.get(0);
        w.entries.set(0, new WxapkgBytes.Entry(e.name(), e.nameLength(), e.offset(), 0xFFFFFFF0L));
        assertThat(rejection(w.bytes())).contains("declares 4294967280 bytes, over the limit of " + LIMITS.maxEntryBytes());
        WxapkgBytes many = WxapkgBytes.of("/a.js", "x");
        many.count = 0xFFFFFFFFL;
        assertThat(rejection(many.bytes())).contains("declares 4294967295 files, over the limit");
        WxapkgBytes longName = WxapkgBytes.of("/a.js", "x");
        WxapkgBytes.Entry n = longName.entries.get(0);
        longName.entries.set(0, new WxapkgBytes.Entry(n.name(), 0x7FFFFFF0L, n.offset(), n.size()));
        assertThat(rejection(longName.bytes())).contains("declares a 2147483632-byte name");
    }

    @Test
    void rejectsDuplicateAndNonUtf8Names() {
        WxapkgBytes dup = WxapkgBytes.of("/a.js", "x", "/a.js", "y");
        assertThat(rejection(dup.bytes())).contains("appears twice");
        WxapkgBytes bad = WxapkgBytes.of("/a.js", "x");
        WxapkgBytes.Entry e = bad.entries.get(0);
        bad.entries.set(0, new WxapkgBytes.Entry(new byte[]{'/', (byte) 0xC3, 'x', '.', 'j'}, 5, e.offset() , e.size()));
        assertThat(rejection(bad.bytes())).contains("not UTF-8");
    }
}
