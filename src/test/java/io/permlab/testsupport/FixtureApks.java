package io.permlab.testsupport;

import brut.androlib.ApkBuilder;
import brut.androlib.Config;
import brut.androlib.exceptions.AndrolibException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's own test APKs, assembled from apktool's decoded layout under {@code src/test/fixtures/apk/<name>/}
 * (text AndroidManifest.xml, apktool.yml, res/, smali/, smali_classes2/) by apktool's builder in-process, with the
 * aapt2 bundled in apktool-cli. Each fixture is built at most once per JVM, and again only when a source file is
 * newer than the APK left by an earlier run. Output goes to {@code <permlab.buildDir>/fixture-apks/}.
 */
public final class FixtureApks {
    /** Held strongly: java.util.logging forgets unreferenced loggers and their levels. */
    private static final Logger APKTOOL_LOG = Logger.getLogger("brut");
    private static final String APKTOOL_VERSION = "3.0.3";
    private static final Pattern PACKAGE = Pattern.compile("package=\"([^\"]+)\"");
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static final Map<String, Path> BUNDLED = new HashMap<>();
    private static long buildMillis;

    static {
        APKTOOL_LOG.setLevel(Level.OFF);
    }

    private FixtureApks() {
    }

    /** The APK built from {@code src/test/fixtures/apk/<name>/}. */
    public static synchronized Path build(String name) {
        Path cached = BUILT.get(name);
        if (cached != null) {
            return cached;
        }
        Path source = sourceDir(name);
        Path apk = outputDir().resolve(name + ".apk");
        if (!upToDate(apk, source)) {
            long start = System.nanoTime();
            assemble(name, source, apk);
            buildMillis += (System.nanoTime() - start) / 1_000_000;
        }
        BUILT.put(name, apk);
        return apk;
    }

    /**
     * An .apks (bundletool layout: splits/base-master.apk, splits/base-arm64_v8a.apk, toc.pb) or an .xapk
     * (manifest.json, {@code <package>.apk}, config.arm64_v8a.apk) holding the base fixture and one split fixture.
     */
    public static synchronized Path bundle(String kind, String baseFixture, String splitFixture) {
        String key = baseFixture + "+" + splitFixture + "." + kind;
        Path cached = BUNDLED.get(key);
        if (cached == null) {
            cached = FixtureBundles.write(kind, build(baseFixture), build(splitFixture), packageOf(baseFixture),
                    outputDir().resolve("bundles"));
            BUNDLED.put(key, cached);
        }
        return cached;
    }

    /** The package attribute of a fixture's source manifest. */
    public static String packageOf(String name) {
        Matcher m = PACKAGE.matcher(read(sourceDir(name).resolve("AndroidManifest.xml")));
        if (!m.find()) {
            throw new IllegalStateException("fixture " + name + " has no package attribute in its manifest");
        }
        return m.group(1);
    }

    /** Milliseconds this JVM spent in apktool building fixtures (0 when every APK was up to date). */
    public static synchronized long buildMillis() {
        return buildMillis;
    }

    /** The folder holding every fixture's sources. */
    public static Path sourcesRoot() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Paths.get(basedir, "src", "test", "fixtures", "apk").toAbsolutePath();
    }

    /** A fresh, empty folder under the build directory for one test's scratch files (letters only: see LetterNamedTempDir); the caller deletes it. */
    public static Path scratchDir(String prefix) {
        try {
            Path root = Files.createDirectories(outputDir().resolve("scratch"));
            return LetterNamedTempDir.create(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path outputDir() {
        return Paths.get(System.getProperty("permlab.buildDir", "target"), "fixture-apks").toAbsolutePath();
    }

    private static Path sourceDir(String name) {
        Path dir = sourcesRoot().resolve(name);
        if (!Files.isRegularFile(dir.resolve("AndroidManifest.xml")) || !Files.isRegularFile(dir.resolve("apktool.yml"))) {
            throw new IllegalArgumentException("no fixture '" + name + "': expected AndroidManifest.xml and apktool.yml in " + dir);
        }
        return dir;
    }

    static boolean upToDate(Path apk, Path source) {
        if (!Files.isRegularFile(apk)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(source)) {
            FileTime built = Files.getLastModifiedTime(apk);
            return files.filter(Files::isRegularFile).allMatch(f -> lastModified(f).compareTo(built) < 0);
        } catch (IOException e) {
            return false;
        }
    }

    /** Assembles an apktool-layout folder into an APK (used for the fixtures and for the sample apps in apps/). */
    public static void assemble(String name, Path source, Path apk) {
        Path work = outputDir().resolve("work");
        Path copy = null;
        try {
            Files.createDirectories(work);
            // apktool writes build/ and dist/ inside its input folder: give it a copy, never the sources.
            copy = Files.createTempDirectory(work, name + "-");
            copyTree(source, copy);
            Path partial = Files.createTempFile(work, name + "-", ".apk");
            Files.delete(partial);
            Config config = new Config(APKTOOL_VERSION);
            config.setFrameworkDirectory(outputDir().resolve("framework").toString());
            new ApkBuilder(copy.toFile(), config).build(partial.toFile());
            Files.move(partial, apk, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AndrolibException e) {
            throw new IllegalStateException("apktool could not build fixture '" + name + "' from " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("fixture '" + name + "': " + e.getMessage(), e);
        } finally {
            deleteTree(copy);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder and everything in it; a file that cannot be deleted is left behind. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch left behind under the build directory; the next clean removes it
        }
    }

    private static FileTime lastModified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
