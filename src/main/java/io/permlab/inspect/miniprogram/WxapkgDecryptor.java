package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.regex.Pattern;

/**
 * Decrypts the packages the WeChat PC client stores (docs/rulebase.md, WeChat mini-programs): they start with "V1MMWX"; the next 1024 bytes are
 * AES-256-CBC under PBKDF2-HMAC-SHA1(appid, "saltiest", 1000 iterations, 32 bytes) with IV "the iv: 16 bytes", of
 * which the first 1023 decrypted bytes are kept; every later byte is XORed with the app id's second-to-last
 * character (0x66 for an id shorter than two characters). Newer clients may use another scheme.
 */
final class WxapkgDecryptor {
    static final byte[] MAGIC = "V1MMWX".getBytes(StandardCharsets.US_ASCII);
    static final Pattern APP_ID = Pattern.compile("wx[0-9a-f]{16}");
    private static final int HEAD = 1024;
    private static final int KEPT = 1023;
    private static final byte[] SALT = "saltiest".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IV = "the iv: 16 bytes".getBytes(StandardCharsets.US_ASCII);

    private WxapkgDecryptor() {
    }

    static boolean encrypted(byte[] data) {
        return data.length >= MAGIC.length && java.util.Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static byte[] decrypt(String name, byte[] data, String appId) throws InspectionException {
        if (appId == null) {
            throw new InspectionException(name, "encrypted PC package (starts with V1MMWX): give the mini-program's app id "
                    + "with --appid (wx followed by 16 hex digits)");
        }
        if (data.length < MAGIC.length + HEAD) {
            throw new InspectionException(name, "truncated encrypted package: " + data.length + " bytes, the encrypted head alone is "
                    + (MAGIC.length + HEAD));
        }
        byte[] head;
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(appId), "AES"), new IvParameterSpec(IV));
            head = aes.doFinal(data, MAGIC.length, HEAD);
        } catch (GeneralSecurityException e) {
            throw new InspectionException(name, "cannot decrypt: " + e.getMessage(), e);
        }
        int tail = data.length - MAGIC.length - HEAD;
        byte[] out = new byte[KEPT + tail];
        System.arraycopy(head, 0, out, 0, KEPT);
        byte xor = (byte) (appId.length() >= 2 ? appId.charAt(appId.length() - 2) : 0x66);
        for (int i = 0; i < tail; i++) {
            out[KEPT + i] = (byte) (data[MAGIC.length + HEAD + i] ^ xor);
        }
        if (!WxapkgReader.looksLikeWxapkg(out)) {
            throw new InspectionException(name, "decrypting with app id " + appId + " did not give a wxapkg: wrong --appid, "
                    + "or a client version whose encryption PermLab does not know");
        }
        return out;
    }

    static byte[] key(String appId) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(appId.toCharArray(), SALT, 1000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
    }

    /** The app id in a path like ".../Applet/wx1234567890abcdef/12/__APP__.wxapkg", where the PC client keeps packages. */
    static String appIdFromPath(java.nio.file.Path file) {
        for (java.nio.file.Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            java.nio.file.Path n = p.getFileName();
            if (n != null && APP_ID.matcher(n.toString()).matches()) {
                return n.toString();
            }
        }
        return null;
    }
}
