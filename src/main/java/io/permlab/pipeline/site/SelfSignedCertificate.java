package io.permlab.pipeline.site;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away EC certificate for the https sample hosts, made by the JDK's keytool for one server start. Chromium
 * is told to trust exactly its key ({@code --ignore-certificate-errors-spki-list}), so certificate checks stay on for
 * everything else. The keystore lives in an owner-only temporary folder that {@link #close()} deletes.
 */
final class SelfSignedCertificate implements AutoCloseable {
    private static final String ALIAS = "permlab-sample";
    private static final String PASSWORD_VARIABLE = "PERMLAB_SAMPLE_STORE_PASSWORD";

    private final Path folder;
    private final SSLContext sslContext;
    private final String spkiSha256;

    private SelfSignedCertificate(Path folder, SSLContext sslContext, String spkiSha256) {
        this.folder = folder;
        this.sslContext = sslContext;
        this.spkiSha256 = spkiSha256;
    }

    static SelfSignedCertificate generate(Collection<String> hosts) throws IOException {
        Path folder = Files.createTempDirectory("permlab-sites-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            char[] password = randomPassword();
            Path keystore = folder.resolve("sites.p12");
            runKeytool(hosts, keystore, password);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SelfSignedCertificate(folder, context, spkiSha256(store.getCertificate(ALIAS)));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            IOException failure = e instanceof IOException io ? io
                    : new IOException("cannot make the sample certificate: " + e, e);
            try {
                deleteFolder(folder);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    SSLContext sslContext() {
        return sslContext;
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants it. */
    String spkiSha256() {
        return spkiSha256;
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            deleteFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sample keystore folder " + folder, e);
        }
    }

    private static void runKeytool(Collection<String> hosts, Path keystore, char[] password) throws IOException {
        String subjectAltNames = hosts.stream().map(h -> "dns:" + h).collect(Collectors.joining(","));
        List<String> command = List.of(keytool().toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=permlab-sample", "-ext", "SAN=" + subjectAltNames,
                "-ext", "EKU=serverAuth", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                // The password goes through the environment, so that it never shows in a process listing.
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        // Output goes to a file, so that waiting for keytool can time out instead of blocking on its pipe.
        Path log = keystore.resolveSibling("keytool.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(PASSWORD_VARIABLE, new String(password));
        Process process = builder.start();
        process.getOutputStream().close(); // nothing to answer: every value is on the command line
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(keystore)) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    private static Path keytool() throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("keytool", "keytool.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new IOException("keytool not found in " + bin + ": serving https samples needs a full JDK");
    }

    private static String spkiSha256(Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
        return Base64.getEncoder().encodeToString(digest);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
