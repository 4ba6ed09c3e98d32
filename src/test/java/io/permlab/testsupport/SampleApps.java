package io.permlab.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the sample Android targets under apps/: every {@code apps/<target>/android/} (apktool layout) becomes
 * {@code apps/<target>/build/<target>.apk}, the path its target.json names. Run by the Maven build
 * (process-test-classes), so the launcher's first build leaves the demo ready; skipped when already up to date.
 */
public final class SampleApps {
    private SampleApps() {
    }

    public static void main(String[] args) throws IOException {
        Path apps = Paths.get(args.length > 0 ? args[0] : ".").resolve("apps");
        for (Path source : sources(apps)) {
            Path target = source.getParent();
            Path apk = target.resolve("build").resolve(target.getFileName() + ".apk");
            if (!FixtureApks.upToDate(apk, source)) {
                Files.createDirectories(apk.getParent());
                FixtureApks.assemble(target.getFileName().toString(), source, apk);
                System.out.println("built sample " + apps.getParent().relativize(apk));
            }
        }
    }

    static List<Path> sources(Path apps) throws IOException {
        if (!Files.isDirectory(apps)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(apps)) {
            return s.map(t -> t.resolve("android")).filter(Files::isDirectory).sorted().toList();
        }
    }
}
