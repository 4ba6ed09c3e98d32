package io.permlab.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture builder: real APKs from apktool's decoded layout, built once, rebuilt only when sources change. */
class FixtureApksTest {

    @Test
    void buildsAnApkWithManifestResourcesAndDex() throws Exception {
        Path apk = FixtureApks.build("nsc-open");
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            assertThat(zip.getEntry("AndroidManifest.xml")).isNotNull();
            assertThat(zip.getEntry("resources.arsc")).isNotNull();
            assertThat(zip.getEntry("classes.dex")).isNotNull();
            assertThat(zip.getEntry("res/xml/network_security_config.xml")).isNotNull();
        }
        assertThat(apk.getParent().getFileName().toString()).isEqualTo("fixture-apks");
    }

    @Test
    void buildsSmaliClasses2IntoASecondDex() throws Exception {
        try (ZipFile zip = new ZipFile(FixtureApks.build("multidex-fine-only").toFile())) {
            assertThat(zip.getEntry("classes.dex")).isNotNull();
            assertThat(zip.getEntry("classes2.dex")).isNotNull();
        }
    }

    @Test
    void buildsEachFixtureOncePerJvm() {
        Path first = FixtureApks.build("food-delivery");
        long millis = FixtureApks.buildMillis();
        assertThat(FixtureApks.build("food-delivery")).isSameAs(first);
        assertThat(FixtureApks.buildMillis()).isEqualTo(millis);
    }

    @Test
    void anApkOlderThanAnyOfItsSourcesIsStale() throws Exception {
        Path dir = FixtureApks.scratchDir("uptodate-");
        try {
            Path source = Files.createDirectories(dir.resolve("src/smali"));
            Path smali = Files.writeString(source.resolve("A.smali"), ".class public LA;");
            Path apk = Files.writeString(dir.resolve("a.apk"), "PK");
            Files.setLastModifiedTime(smali, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            Files.setLastModifiedTime(apk, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
            assertThat(FixtureApks.upToDate(apk, dir.resolve("src"))).isTrue();

            Files.setLastModifiedTime(smali, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
            assertThat(FixtureApks.upToDate(apk, dir.resolve("src"))).isFalse();
            assertThat(FixtureApks.upToDate(dir.resolve("missing.apk"), dir.resolve("src"))).isFalse();
        } finally {
            FixtureApks.deleteTree(dir);
        }
    }

    @Test
    void readsThePackageOfAFixture() {
        assertThat(FixtureApks.packageOf("clean-app")).isEqualTo("com.permlab.fixture.clean");
    }

    @Test
    void rejectsAnUnknownFixtureByName() {
        assertThatThrownBy(() -> FixtureApks.build("no-such-fixture"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no fixture 'no-such-fixture'");
    }

    @Test
    void rejectsAnUnknownBundleKind() {
        assertThatThrownBy(() -> FixtureApks.bundle("aab", "clean-app", "ads-split"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected apks or xapk");
    }
}
