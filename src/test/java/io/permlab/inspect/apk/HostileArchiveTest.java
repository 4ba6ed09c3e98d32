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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archives a hostile campaign crafted, built header by header: duplicate entry names (the installer rejects them,
 * so must we, or a reader and the device see different manifests) and split bundles that would fill the disk.
 * Each must end in one clear processing error, with nothing written to the work folder.
 */
class HostileArchiveTest {
    @TempDir
    Path dir;
    private Path work;
    private final ApkInspector inspector = new ApkInspector(KnowledgeBase.builtIn(), InspectionLimits.defaults());

    @BeforeEach
    void workFolder() {
        work = FixtureApks.scratchDir("hostile-");
    }

    @AfterEach
    void cleanUp() {
        FixtureApks.deleteTree(work);
    }

    private String rejection(Path file) {
        try {
            ApkInspector.Result r = inspector.inspect(file, work);
            throw new AssertionError("accepted, as " + r.facts().packageName() + " with " + r.problems().size() + " problems, the first "
                    + r.problems().stream().limit(3).toList());
        } catch (InspectionException e) {
            return e.oneLine();
        }
    }

    @Test
    void aSecondAndroidManifestIsRejectedAsTheInstallerDoes() {
        Path real = InspectedFixtures.file("clean-app");
        byte[] otherManifest = entry(InspectedFixtures.file("food-delivery"), "AndroidManifest.xml");
        Path twice = new RawZip().addAll(real).add("AndroidManifest.xml", otherManifest).write(dir.resolve("twice.apk"));

        assertThat(rejection(twice)).contains("twice.apk")
                .contains("duplicate entry 'AndroidManifest.xml'").contains("installer rejects");
    }

    @Test
    void aDuplicatedNameWithControlCharactersIsShownEscaped() {
        Path real = InspectedFixtures.file("clean-app");
        Path twice = new RawZip().addAll(real).add("assets/a\u0007b", new byte[1]).add("assets/a\u0007b", new byte[2])
                .write(dir.resolve("bell.apk"));

        assertThat(rejection(twice)).contains("duplicate entry 'assets/a\\u0007b'").doesNotContain("\u0007");
    }

    @Test
    void aDuplicateSplitInABundleIsRejected() {
        byte[] base = bytes(InspectedFixtures.file("clean-app"));
        Path apks = new RawZip().add("toc.pb", new byte[]{0x0a, 0}).add("splits/base-master.apk", base)
                .add("splits/base-master.apk", bytes(InspectedFixtures.file("food-delivery"))).write(dir.resolve("dup.apks"));

        assertThat(rejection(apks)).contains("dup.apks").contains("duplicate entry 'splits/base-master.apk'");
        assertThat(filesUnder(work)).isZero();
    }

    /** The bundle's APKs are read from numbered copies in the work folder; a message names the bundle's entry instead. */
    @Test
    void aDuplicateInsideTheBaseApkOfABundleNamesTheBundleEntryNotTheScratchCopy() {
        Path real = InspectedFixtures.file("clean-app");
        byte[] twice = new RawZip().addAll(real).add("AndroidManifest.xml", entry(real, "AndroidManifest.xml")).bytes();
        Path apks = new RawZip().add("toc.pb", new byte[]{0x0a, 0}).add("splits/base-master.apk", twice).write(dir.resolve("inner.apks"));

        assertThat(rejection(apks)).contains("inner.apks!splits/base-master.apk").contains("duplicate entry 'AndroidManifest.xml'")
                .doesNotContain("split-000").doesNotContain(work.toString());
    }

    /** The campaign's case: 4,000 splits of 1 MiB each, a few MB on disk, 4 GB once extracted. */
    @Test
    void aBundleThatWouldExtractGigabytesIsRejectedBeforeAnythingIsWritten() {
        byte[] mebibyte = new byte[1 << 20];
        RawZip zip = new RawZip().add("toc.pb", new byte[]{0x0a, 0}).add("splits/base-master.apk", bytes(InspectedFixtures.file("clean-app")));
        for (int i = 0; i < 4000; i++) {
            zip.add("splits/base-x" + i + ".apk", mebibyte);
        }
        Path apks = zip.write(dir.resolve("huge.apks"));
        assertThat(apks.toFile().length()).isLessThan(10L << 20);

        assertThat(rejection(apks)).contains("huge.apks").contains("4001 APKs").contains("over the limit");
        assertThat(filesUnder(work)).isZero();
    }

    @Test
    void aBundleWhoseSplitsTogetherExceedTheByteBudgetIsRejected() {
        InspectionLimits limits = InspectionLimits.defaults();
        byte[] mebibyte = new byte[1 << 20];
        RawZip zip = new RawZip().add("splits/base-master.apk", bytes(InspectedFixtures.file("clean-app")));
        long splits = limits.maxExtractedBytes() / mebibyte.length + 1;
        assertThat(splits).as("the byte budget, not the count, must be what this bundle crosses").isLessThan(limits.maxBundleApks());
        for (int i = 0; i < splits; i++) {
            zip.add("splits/base-x" + i + ".apk", mebibyte);
        }
        Path apks = zip.write(dir.resolve("heavy.apks"));

        assertThat(rejection(apks)).contains("heavy.apks").contains("bytes once extracted").contains("over the limit");
        assertThat(filesUnder(work)).isZero();
    }

    private static byte[] entry(Path zip, String name) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long filesUnder(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
