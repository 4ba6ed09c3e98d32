package io.permlab.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips fixture APKs into the two split-package formats the inspector opens: bundletool's .apks and APKPure's .xapk. */
final class FixtureBundles {
    private FixtureBundles() {
    }

    static Path write(String kind, Path baseApk, Path splitApk, String packageName, Path dir) {
        String base = baseApk.getFileName().toString().replace(".apk", "");
        String split = splitApk.getFileName().toString().replace(".apk", "");
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(base + "+" + split + "." + kind);
            Path partial = Files.createTempFile(dir, base, ".part");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                switch (kind) {
                    case "apks" -> {
                        // bundletool build-apks --mode=default: toc.pb plus one folder of splits per module.
                        put(zip, "toc.pb", new byte[]{0x0a, 0x00});
                        put(zip, "splits/base-master.apk", Files.readAllBytes(baseApk));
                        put(zip, "splits/base-arm64_v8a.apk", Files.readAllBytes(splitApk));
                    }
                    case "xapk" -> {
                        put(zip, "manifest.json", xapkManifest(packageName).getBytes(StandardCharsets.UTF_8));
                        put(zip, "icon.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
                        put(zip, packageName + ".apk", Files.readAllBytes(baseApk));
                        put(zip, "config.arm64_v8a.apk", Files.readAllBytes(splitApk));
                    }
                    default -> throw new IllegalArgumentException("bundle kind '" + kind + "': expected apks or xapk");
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + kind + " bundle of " + base + ": " + e.getMessage(), e);
        }
    }

    private static String xapkManifest(String packageName) {
        return """
                {"xapk_version": 2, "package_name": "%1$s", "name": "%1$s", "version_code": "1",
                 "split_configs": ["config.arm64_v8a"],
                 "split_apks": [{"file": "%1$s.apk", "id": "base"}, {"file": "config.arm64_v8a.apk", "id": "config.arm64_v8a"}]}
                """.formatted(packageName);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
