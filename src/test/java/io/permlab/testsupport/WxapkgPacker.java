package io.permlab.testsupport;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * PermLab's own .wxapkg packer, for tests and samples: the layout of docs/rulebase.md, WeChat mini-programs (0xBE, u32 info, u32 index length,
 * u32 body length, 0xED, u32 file count, then {u32 name length, "/name", u32 offset, u32 size} per file, absolute
 * offsets, then the bodies), and the encryption WeChat for PC applies on top ("V1MMWX", AES-256-CBC head, XOR tail).
 * {@link CompiledLayout} turns a source folder into the compiled form WeChat's own build produces.
 */
public final class WxapkgPacker {
    private static final byte[] PC_MAGIC = "V1MMWX".getBytes(StandardCharsets.US_ASCII);

    private WxapkgPacker() {
    }

    /** A package of the given files (path without leading slash → bytes), in path order. */
    public static byte[] pack(Map<String, byte[]> files) {
        Map<String, byte[]> sorted = new TreeMap<>(files);
        int indexLength = 4;
        for (String name : sorted.keySet()) {
            indexLength += 4 + ("/" + name).getBytes(StandardCharsets.UTF_8).length + 8;
        }
        int bodyLength = sorted.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(14 + indexLength + bodyLength);
        out.put((byte) 0xBE).putInt(0).putInt(indexLength).putInt(bodyLength).put((byte) 0xED);
        out.putInt(sorted.size());
        int offset = 14 + indexLength;
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            byte[] name = ("/" + e.getKey()).getBytes(StandardCharsets.UTF_8);
            out.putInt(name.length).put(name).putInt(offset).putInt(e.getValue().length);
            offset += e.getValue().length;
        }
        sorted.values().forEach(out::put);
        return out.array();
    }

    /** Every file of a folder, by its '/'-separated relative path. */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Packs a source folder as it is (the source layout) into {@code out}. */
    public static Path packFolder(Path source, Path out) {
        return write(out, pack(files(source)));
    }

    public static Path write(Path out, byte[] bytes) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            return Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What WeChat for PC stores: the package encrypted under the app id (the inverse of WxapkgDecryptor). */
    public static byte[] encryptForPc(byte[] plain, String appId) {
        byte[] padded = plain.length >= 1023 ? plain : java.util.Arrays.copyOf(plain, 1023);
        byte[] head = java.util.Arrays.copyOf(padded, 1024);
        try {
            PBEKeySpec spec = new PBEKeySpec(appId.toCharArray(), "saltiest".getBytes(StandardCharsets.US_ASCII), 1000, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec("the iv: 16 bytes".getBytes(StandardCharsets.US_ASCII)));
            byte[] encryptedHead = aes.doFinal(head);
            byte xor = (byte) appId.charAt(appId.length() - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(PC_MAGIC);
            out.write(encryptedHead);
            for (int i = 1023; i < padded.length; i++) {
                out.write(padded[i] ^ xor);
            }
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt a test package: " + e.getMessage(), e);
        }
    }
}
