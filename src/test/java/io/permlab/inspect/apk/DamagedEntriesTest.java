package io.permlab.inspect.apk;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.testsupport.FixtureApks;
import io.permlab.testsupport.InspectedFixtures;
import io.permlab.testsupport.RawZip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One entry of a real APK damaged the way the fuzz campaign damaged them, the zip around it intact. A count that
 * claims more than the entry holds must not reach apktool (it allocated for the claim and ran out of memory); a
 * library's exception must become a sentence about the bytes, never its class name or its developer-facing text.
 */
class DamagedEntriesTest {
    /** The fixture with a resource table, a network security config and code (an SDK and sensitive calls). */
    private static final String FIXTURE = "nsc-open";
    private static final int TABLE_STRING_COUNT = 12 + 8; // table header (12 bytes), then its string pool's count
    private static final int XML_STRING_COUNT = 8 + 8; // binary XML header (8 bytes), then its string pool's count

    @TempDir
    Path dir;
    private Path work;
    private final ApkInspector inspector = new ApkInspector(KnowledgeBase.builtIn(), InspectionLimits.defaults());

    @BeforeEach
    void workFolder() {
        work = FixtureApks.scratchDir("damaged-");
    }

    @AfterEach
    void cleanUp() {
        FixtureApks.deleteTree(work);
    }

    @Test
    void aResourceTableClaimingTwoBillionStringsIsAProblemAndTheRestIsStillRead() throws InspectionException {
        Path apk = withEntry("resources.arsc", b -> putInt(b, TABLE_STRING_COUNT, 0x7FFFFFF0));

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("resources.arsc")
                .contains("the resource table could not be read").contains("claims 2147483632 strings"));
        ApkInspector.Result intact = InspectedFixtures.inspect(FIXTURE);
        assertThat(r.facts().packageName()).isEqualTo(intact.facts().packageName());
        assertThat(r.facts().classCount()).isEqualTo(intact.facts().classCount()).isPositive();
        assertThat(r.facts().apiUsages()).isEqualTo(intact.facts().apiUsages());
    }

    /** apktool reads a configuration as long as it claims, a byte at a time: 18 s for one fuzzed table before this. */
    @Test
    void aResourceTypeWhoseConfigurationClaimsGigabytesIsAProblemNamingTheClaim() throws InspectionException {
        Path apk = withEntry("resources.arsc", b -> putInt(b, firstTypeChunk(b) + 20, 0x7FFF0000));

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("resources.arsc")
                .contains("claims a configuration of 2147418112 bytes"));
        assertThat(r.facts().packageName()).isEqualTo(InspectedFixtures.inspect(FIXTURE).facts().packageName());
    }

    @Test
    void aManifestClaimingTwoBillionStringsIsRejectedWithTheClaim() {
        Path apk = withEntry("AndroidManifest.xml", b -> putInt(b, XML_STRING_COUNT, 0x7FFFFFF0));

        assertThat(rejection(apk)).contains("AndroidManifest.xml").contains("claims 2147483632 strings");
    }

    /** A manifest zipped from sources (text, not compiled by aapt) is named as such, not as a chunk claiming "1702240364 bytes". */
    @Test
    void aPlainTextManifestIsSaidToBeTextNotCompiledBinaryXml() {
        Path apk = withEntry("AndroidManifest.xml", b -> "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<manifest package=\"x\"/>\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rejection(apk)).contains("AndroidManifest.xml").contains("plain-text XML, not compiled binary XML")
                .doesNotContain("claims");
    }

    @Test
    void aPlainTextManifestWithoutAnXmlDeclarationIsTextToo() {
        Path apk = withEntry("AndroidManifest.xml", b -> "\uFEFF  <manifest package=\"x\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(rejection(apk)).contains("plain-text XML, not compiled binary XML");
    }

    @Test
    void aNetworkSecurityConfigClaimingTwoBillionStringsIsAProblem() throws InspectionException {
        Path apk = withEntry("res/xml/network_security_config.xml", b -> putInt(b, XML_STRING_COUNT, 0x7FFFFFF0));

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("network_security_config.xml").contains("claims 2147483632 strings"));
        assertThat(r.facts().packageName()).isEqualTo(InspectedFixtures.inspect(FIXTURE).facts().packageName());
    }

    @Test
    void aRootElementWhoseNameIsABrokenReferenceIsSaidSoNotCalledNull() {
        Path apk = withEntry("AndroidManifest.xml", b -> putInt(b, firstXmlChunk(b, 0x0102) + 20, 0x7FFFFFFF));

        assertThat(rejection(apk)).contains("AndroidManifest.xml").contains("root element").doesNotContain("null");
    }

    /** A name read from a damaged file can hold any character; a report or a terminal gets them escaped. */
    @Test
    void controlCharactersInANameFromTheFileAreEscaped() {
        Path apk = withEntry("AndroidManifest.xml", b -> {
            int at = indexOf(b, "manifest".getBytes(StandardCharsets.UTF_16LE));
            if (at < 0) {
                at = indexOf(b, "manifest".getBytes(StandardCharsets.UTF_8));
                b[at + 1] = 0x07;
            } else {
                b[at + 2] = 0x07;
            }
            return b;
        });

        assertThat(rejection(apk)).contains("root element <m\\u0007nifest>").doesNotContain("\u0007");
    }

    @Test
    void aTruncatedManifestIsNamedTruncatedWithoutExceptionText() {
        Path apk = withEntry("AndroidManifest.xml", b -> Arrays.copyOf(b, b.length * 2 / 3));

        assertThat(rejection(apk)).contains("AndroidManifest.xml").contains("truncated").doesNotContain("Exception");
    }

    @Test
    void aTruncatedResourceTableIsNamedTruncatedWithoutExceptionText() throws InspectionException {
        Path apk = withEntry("resources.arsc", b -> Arrays.copyOf(b, b.length / 2));

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("resources.arsc").contains("truncated"))
                .noneSatisfy(p -> assertThat(p).contains("Exception"));
    }

    @Test
    void aTruncatedDexIsNamedTruncatedWithoutExceptionText() throws InspectionException {
        Path apk = withEntry("classes.dex", b -> Arrays.copyOf(b, b.length / 2));

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("classes.dex").contains("truncated"))
                .noneSatisfy(p -> assertThat(p).containsPattern("Exception|Cannot|java\\."));
    }

    @Test
    void aDexWithoutTheDexMagicIsNotADexFile() throws InspectionException {
        Path apk = withEntry("classes.dex", b -> {
            b[0] = 'z';
            return b;
        });

        ApkInspector.Result r = inspector.inspect(apk, work);

        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("classes.dex: not a dex file"));
    }

    private String rejection(Path apk) {
        try {
            ApkInspector.Result r = inspector.inspect(apk, work);
            throw new AssertionError("accepted, with problems " + r.problems());
        } catch (InspectionException e) {
            return e.oneLine();
        }
    }

    private Path withEntry(String entry, UnaryOperator<byte[]> damage) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(InspectedFixtures.file(FIXTURE).toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(entries).containsKey(entry);
        RawZip zip = new RawZip();
        entries.forEach((name, bytes) -> zip.add(name, name.equals(entry) ? damage.apply(bytes.clone()) : bytes));
        return zip.write(dir.resolve("damaged.apk"));
    }

    /** The offset of the first ResTable_type chunk: table header, string pool, then the package's own chunks. */
    private static int firstTypeChunk(byte[] arsc) {
        ByteBuffer b = ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN);
        int pool = b.getShort(2) & 0xFFFF;
        int pkg = pool + b.getInt(pool + 4);
        int at = pkg + (b.getShort(pkg + 2) & 0xFFFF);
        while ((b.getShort(at) & 0xFFFF) != 0x0201) {
            at += b.getInt(at + 4);
        }
        return at;
    }

    /** The offset of the first chunk of this type inside a binary XML document. */
    private static int firstXmlChunk(byte[] xml, int type) {
        ByteBuffer b = ByteBuffer.wrap(xml).order(ByteOrder.LITTLE_ENDIAN);
        int at = b.getShort(2) & 0xFFFF;
        while ((b.getShort(at) & 0xFFFF) != type) {
            at += b.getInt(at + 4);
        }
        return at;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] putInt(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return b;
    }
}
