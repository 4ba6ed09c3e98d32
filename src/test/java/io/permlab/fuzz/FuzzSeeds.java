package io.permlab.fuzz;

import io.permlab.testsupport.CompiledLayout;
import io.permlab.testsupport.FixtureApks;
import io.permlab.testsupport.SampleApps;
import io.permlab.testsupport.WxapkgPacker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The valid inputs the fuzzer starts from: the fixture APKs and the bundled sample apps the build produces, a .apks
 * and an .xapk of fixtures, and the bundled mini-programs as source folders and as packages (source and compiled
 * layouts). Each APK also gives one seed per interesting entry: manifest, resource table, dex files, network
 * security config.
 */
final class FuzzSeeds {
    private static final List<String> FIXTURES = List.of("food-delivery", "multidex-fine-only", "nsc-open", "sdk-embedder");
    private static final List<String> MINI_PROGRAM_FILES = List.of("app.json", "project.config.json", "app.js",
            "pages/index/index.js", "pages/address/address.js", "pages/address/address.wxml", "utils/api.js");

    private FuzzSeeds() {
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        Path root = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        List<Path> apks = new ArrayList<>();
        FIXTURES.forEach(f -> apks.add(FixtureApks.build(f)));
        apks.addAll(sampleApks(root));
        for (Path apk : apks) {
            seeds.add(new Seed.WholeFile("apk-file", read(apk), ".apk"));
            Map<String, byte[]> entries = entries(apk);
            for (String entry : entries.keySet()) {
                if (entry.equals("AndroidManifest.xml") || entry.equals("resources.arsc") || entry.matches("classes\\d*\\.dex")
                        || entry.contains("network_security")) {
                    seeds.add(new Seed.ApkEntry("apk-entry:" + entry.replaceAll("classes\\d+", "classesN").replaceAll(".*/", ""), entries, entry));
                }
            }
        }
        seeds.add(new Seed.WholeFile("apks-file", read(FixtureApks.bundle("apks", "clean-app", "ads-split")), ".apks"));
        seeds.add(new Seed.WholeFile("xapk-file", read(FixtureApks.bundle("xapk", "clean-app", "ads-split")), ".xapk"));
        for (Path mp : miniPrograms(root)) {
            Map<String, byte[]> files = WxapkgPacker.files(mp);
            seeds.add(new Seed.WholeFile("wxapkg-file", WxapkgPacker.pack(files), ".wxapkg"));
            seeds.add(new Seed.WholeFile("wxapkg-file", WxapkgPacker.pack(CompiledLayout.single(files)), ".wxapkg"));
            for (String file : MINI_PROGRAM_FILES) {
                if (files.containsKey(file)) {
                    String kind = file.endsWith(".js") ? "js" : file.replaceAll(".*/", "");
                    seeds.add(new Seed.MiniProgramFile("mp-source:" + kind, files, file, false));
                    seeds.add(new Seed.MiniProgramFile("wxapkg-entry:" + kind, files, file, true));
                }
            }
        }
        return Collections.unmodifiableList(seeds);
    }

    private static List<Path> sampleApks(Path root) {
        try {
            SampleApps.main(new String[]{root.toString()});
            try (var s = Files.walk(root.resolve("apps"), 3)) {
                return s.filter(p -> p.toString().endsWith(".apk") && p.getParent().getFileName().toString().equals("build")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> miniPrograms(Path root) {
        try (var s = Files.list(root.resolve("apps"))) {
            return s.map(p -> p.resolve("miniprogram")).filter(p -> Files.isRegularFile(p.resolve("app.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> entries(Path apk) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(apk.toFile())) {
            for (var e : Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
