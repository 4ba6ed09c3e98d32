package io.permlab.capture.proxy;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** PEM text of certificates and PKCS#8 keys, the form openssl, adb push and Android's certificate installer take. */
final class Pem {
    private Pem() {
    }

    static String of(Object certificateOrKey) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            // A key as PKCS#8 ("PRIVATE KEY"), which every tool reads, rather than the RSA-only PKCS#1 form.
            pem.writeObject(certificateOrKey instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : certificateOrKey);
        }
        return text.toString();
    }

    static X509Certificate readCertificate(Path file) throws CaException {
        Object o = read(file);
        if (!(o instanceof X509CertificateHolder holder)) {
            throw new CaException(file + ": not a PEM certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new CaException(file + ": unreadable certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey readKey(Path file) throws CaException {
        Object o = read(file);
        if (!(o instanceof PrivateKeyInfo info)) {
            throw new CaException(file + ": not a PEM PKCS#8 private key");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new CaException(file + ": unreadable private key: " + e.getMessage(), e);
        }
    }

    private static Object read(Path file) throws CaException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object o = parser.readObject();
            if (o == null) {
                throw new CaException(file + ": no PEM block found");
            }
            return o;
        } catch (CaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CaException(file + ": unreadable PEM: " + e.getMessage(), e);
        }
    }
}
