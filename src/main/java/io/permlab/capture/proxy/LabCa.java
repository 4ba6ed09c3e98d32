package io.permlab.capture.proxy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * The lab's certificate authority: made on first use in a folder the lab chooses ({@code ~/.permlab/ca/} by default),
 * kept for every later run so a device needs to trust it once. The folder holds
 * <ul>
 *   <li>{@code permlab-ca.key}: the private key (PKCS#8 PEM), readable by its owner only; a key others can read is
 *   refused;</li>
 *   <li>{@code permlab-ca.pem}: the certificate, for Android's "Install a certificate → CA certificate" and for
 *   browsers;</li>
 *   <li>{@code <subject_hash_old>.0}: the same certificate under the name Android's system store uses
 *   (docs/android-traffic.md says how to install each).</li>
 * </ul>
 * Two runs starting at once make one CA: creation holds a file lock in the folder.
 */
public final class LabCa {
    public static final String KEY_FILE = "permlab-ca.key";
    public static final String CERT_FILE = "permlab-ca.pem";
    private static final String LOCK_FILE = ".lock";

    private final Path folder;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private LabCa(Path folder, X509Certificate certificate, PrivateKey key) {
        this.folder = folder;
        this.certificate = certificate;
        this.key = key;
    }

    /** {@code ~/.permlab/ca}: one CA per user of a lab workstation. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".permlab", "ca");
    }

    /** Reads the CA in {@code folder}, or makes one there if the folder holds none. */
    public static LabCa loadOrCreate(Path folder) throws CaException {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            OwnerOnlyFiles.createFolder(dir);
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                Path keyFile = dir.resolve(KEY_FILE);
                Path certFile = dir.resolve(CERT_FILE);
                boolean hasKey = Files.exists(keyFile);
                boolean hasCert = Files.exists(certFile);
                if (hasKey != hasCert) {
                    throw new CaException(dir + ": holds " + (hasKey ? KEY_FILE + " without " + CERT_FILE : CERT_FILE + " without " + KEY_FILE)
                            + "; restore the missing file or delete the folder to make a new CA (devices must then trust the new one)");
                }
                LabCa ca = hasKey ? load(dir, keyFile, certFile) : create(dir, keyFile, certFile);
                ca.writeAndroidFile();
                return ca;
            }
        } catch (CaException e) {
            throw e;
        } catch (IOException e) {
            throw new CaException(dir + ": cannot use this folder for the lab CA: " + e.getMessage(), e);
        }
    }

    private static LabCa load(Path dir, Path keyFile, Path certFile) throws CaException {
        try {
            OwnerOnlyFiles.requireOwnerOnly(keyFile);
        } catch (CaException e) {
            throw e;
        } catch (IOException e) {
            throw new CaException(keyFile + ": cannot read its permissions: " + e.getMessage(), e);
        }
        X509Certificate cert = Pem.readCertificate(certFile);
        PrivateKey key = Pem.readKey(keyFile);
        if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            throw new CaException(keyFile + ": this key does not belong to the certificate in " + certFile);
        }
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            throw new CaException(certFile + ": the lab CA expired on " + cert.getNotAfter().toInstant()
                    + "; delete the folder to make a new one and install that on the devices");
        }
        return new LabCa(dir, cert, key);
    }

    private static LabCa create(Path dir, Path keyFile, Path certFile) throws IOException {
        try {
            KeyPair keys = Certificates.rsaKeyPair();
            X509Certificate cert = Certificates.ca(keys, "PermLab lab CA", Instant.now());
            OwnerOnlyFiles.write(keyFile, Pem.of(keys.getPrivate()).getBytes(StandardCharsets.US_ASCII));
            Files.writeString(certFile, Pem.of(cert), StandardCharsets.US_ASCII);
            return new LabCa(dir, cert, keys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new CaException(dir + ": cannot make the lab CA: " + e.getMessage(), e);
        }
    }

    /** The system-store copy is derived from the certificate, so it is rewritten if it went missing. */
    private void writeAndroidFile() throws IOException {
        Path file = androidSystemFile();
        String pem = Pem.of(certificate);
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
    }

    public Path folder() {
        return folder;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return key;
    }

    public Path keyFile() {
        return folder.resolve(KEY_FILE);
    }

    public Path certificateFile() {
        return folder.resolve(CERT_FILE);
    }

    /** {@code <subject_hash_old>.0}, the name Android's system CA store expects. */
    public Path androidSystemFile() {
        return folder.resolve(SubjectHashOld.of(certificate) + ".0");
    }

    /**
     * Base64 of the SHA-256 of the CA's SubjectPublicKeyInfo: Chromium's {@code --ignore-certificate-errors-spki-list}
     * then accepts exactly the chains this CA signed (the proxy sends the CA with every leaf).
     */
    public String spkiSha256() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
