package io.permlab.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds hostile and broken packages, byte by byte, for the bad-input tests. */
final class BadInputs {
    private BadInputs() {
    }

    static Path notAZip(Path dir) throws IOException {
        return Files.writeString(dir.resolve("notes.apk"), "this is a text file, not an APK\n");
    }

    static Path truncated(Path dir, Path realApk) throws IOException {
        byte[] all = Files.readAllBytes(realApk);
        return Files.write(dir.resolve("truncated.apk"), Arrays.copyOf(all, all.length / 2));
    }

    static Path zipSlip(Path dir) throws IOException {
        return zip(dir.resolve("zipslip.apk"), Map.of("AndroidManifest.xml", new byte[]{3, 0, 8, 0}, "../../evil.sh", "rm -rf ~".getBytes()));
    }

    /** 64 MB of zeros deflate to about 64 KB: the declared ratio gives the bomb away before anything is read. */
    static Path declaredBomb(Path dir) throws IOException {
        Path file = dir.resolve("bomb.apk");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return file;
    }

    /** A bomb whose directory lies: AndroidManifest.xml claims 1000 bytes and inflates to 8 MB. */
    static Path lyingBomb(Path dir) throws IOException {
        Path file = dir.resolve("lying-bomb.apk");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            z.write(new byte[8 << 20]);
            z.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(file);
        patchSizes(bytes, new byte[]{'P', 'K', 3, 4}, 22, 1000);
        patchSizes(bytes, new byte[]{'P', 'K', 1, 2}, 24, 1000);
        return Files.write(file, bytes);
    }

    static Path withoutManifest(Path dir) throws IOException {
        return zip(dir.resolve("no-manifest.apk"), Map.of("classes.dex", "dex\n035\0".getBytes()));
    }

    static Path corruptManifest(Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 3;
        noise[1] = 0;
        return zip(dir.resolve("corrupt-manifest.apk"), Map.of("AndroidManifest.xml", noise));
    }

    /** A real manifest and resource table (taken from {@code realApk}) with a classes.dex that is not one. */
    static Path corruptDex(Path dir, Path realApk) throws IOException {
        try (ZipFile real = new ZipFile(realApk.toFile())) {
            byte[] manifest = real.getInputStream(real.getEntry("AndroidManifest.xml")).readAllBytes();
            byte[] arsc = real.getInputStream(real.getEntry("resources.arsc")).readAllBytes();
            return zip(dir.resolve("corrupt-dex.apk"), Map.of("AndroidManifest.xml", manifest, "resources.arsc", arsc,
                    "classes.dex", "dex\n035\0 then garbage instead of a header".getBytes()));
        }
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private static void patchSizes(byte[] bytes, byte[] signature, int sizeOffset, int newSize) {
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == signature[0] && bytes[i + 1] == signature[1] && bytes[i + 2] == signature[2] && bytes[i + 3] == signature[3]) {
                ByteBuffer.wrap(bytes, i + sizeOffset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(newSize);
            }
        }
    }
}
