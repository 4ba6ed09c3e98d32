package io.permlab.capture.proxy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LabCaTest {
    @TempDir
    Path dir;

    @Test
    void firstUseMakesACaWhoseKeyOnlyItsOwnerCanRead() throws Exception {
        Path folder = dir.resolve("lab/ca");
        LabCa ca = LabCa.loadOrCreate(folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.keyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(Files.readString(ca.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(ca.certificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
        X509Certificate cert = ca.certificate();
        assertThat(cert.getBasicConstraints()).as("a CA that may sign leaves").isGreaterThanOrEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        cert.verify(cert.getPublicKey());
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void laterRunsUseTheSameCa() throws Exception {
        LabCa first = LabCa.loadOrCreate(dir);
        LabCa second = LabCa.loadOrCreate(dir);
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.spkiSha256()).isEqualTo(first.spkiSha256());
    }

    @Test
    void aKeyOthersCanReadIsRefusedNamingTheFile() throws Exception {
        LabCa ca = LabCa.loadOrCreate(dir);
        Files.setPosixFilePermissions(ca.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> LabCa.loadOrCreate(dir)).isInstanceOf(CaException.class)
                .hasMessageContaining(ca.keyFile().toString()).hasMessageContaining("chmod 600");
    }

    @Test
    void aKeyWithoutItsCertificateIsRefusedNotReplaced() throws Exception {
        LabCa ca = LabCa.loadOrCreate(dir);
        Files.delete(ca.certificateFile());
        String key = Files.readString(ca.keyFile());
        assertThatThrownBy(() -> LabCa.loadOrCreate(dir)).isInstanceOf(CaException.class)
                .hasMessageContaining("permlab-ca.key without permlab-ca.pem");
        assertThat(Files.readString(ca.keyFile())).isEqualTo(key);
    }

    @Test
    void aDamagedCertificateIsAClearError() throws Exception {
        LabCa ca = LabCa.loadOrCreate(dir);
        Files.writeString(ca.certificateFile(), "not a certificate\n");
        assertThatThrownBy(() -> LabCa.loadOrCreate(dir)).isInstanceOf(CaException.class)
                .hasMessageContaining(ca.certificateFile().toString());
    }

    @Test
    void androidFileIsNamedByOpensslsOldSubjectHash() throws Exception {
        LabCa ca = LabCa.loadOrCreate(dir);
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "skipped: openssl is not installed to compare against");
        Process p = new ProcessBuilder(openssl.toString(), "x509", "-noout", "-subject_hash_old", "-in", ca.certificateFile().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ca.androidSystemFile().getFileName().toString()).isEqualTo(out + ".0");
        assertThat(Files.readString(ca.androidSystemFile())).isEqualTo(Files.readString(ca.certificateFile()));
    }

    @Test
    void leavesAreSignedByTheCaForTheirHostOnly() throws Exception {
        LabCa ca = LabCa.loadOrCreate(dir);
        HostCertificates leaves = new HostCertificates(ca);
        X509Certificate named = leaves.certificateFor("api.shop.example");
        named.verify(ca.certificate().getPublicKey());
        assertThat(named.getSubjectAlternativeNames()).containsExactly(List.of(2, "api.shop.example"));
        assertThat(named.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(named.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(named.getNotAfter().toInstant()).isBefore(Instant.now().plusSeconds(366L * 24 * 3600));
        X509Certificate ip = leaves.certificateFor("10.0.2.2");
        assertThat(ip.getSubjectAlternativeNames()).containsExactly(List.of(7, "10.0.2.2"));
    }
}
