package io.permlab.capture.proxy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The file name Android gives a CA certificate in its system and user stores ({@code /system/etc/security/cacerts/
 * 9a5ba575.0}): OpenSSL's "old" subject hash ({@code openssl x509 -subject_hash_old}), the first four bytes of the MD5
 * of the DER-encoded subject name read as a little-endian unsigned number, in eight hex digits.
 */
final class SubjectHashOld {
    private SubjectHashOld() {
    }

    static String of(X509Certificate certificate) {
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(certificate.getSubjectX500Principal().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        long hash = (md5[0] & 0xffL) | (md5[1] & 0xffL) << 8 | (md5[2] & 0xffL) << 16 | (md5[3] & 0xffL) << 24;
        return String.format(Locale.ROOT, "%08x", hash);
    }
}
