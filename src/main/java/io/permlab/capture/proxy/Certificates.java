package io.permlab.capture.proxy;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the two kinds of certificate the proxy needs with BouncyCastle: the lab's CA (RSA 2048, ten years, a CA that
 * may sign server certificates only) and a leaf per host (an EC P-256 key, the host as subject alternative name, server
 * authentication only). LittleProxy's own SelfSignedMitmManager serves one self-signed certificate for every host from
 * a keystore in the working folder, which no client can be told to trust per host; hence this class.
 */
final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withRSA";

    private Certificates() {
    }

    static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    static X509Certificate ca(KeyPair keys, String commonName, Instant now) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=" + commonName + ", O=PermLab, OU=" + shortSerial());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot encode the CA's extensions", e);
        }
    }

    /** A server certificate for {@code host} (a name or an IP literal), valid a year or until the CA expires. */
    static X509Certificate leaf(String host, PublicKey leafKey, X509Certificate ca, PrivateKey caKey, Instant now)
            throws GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        Instant notAfter = now.plus(Duration.ofDays(365));
        if (ca.getNotAfter().toInstant().isBefore(notAfter)) {
            notAfter = ca.getNotAfter().toInstant();
        }
        String cn = host.length() > 64 ? host.substring(0, 64) : host;
        GeneralName san = Hosts.isIpLiteral(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(notAfter), new X500Name("CN=" + escape(cn)), leafKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leafKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca));
            return sign(builder, caKey);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot encode the certificate's extensions for " + host, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE, e);
        }
    }

    /** Positive, 127 bits: unique enough that no client confuses two leaves of one host. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

    /** Tells two labs' CAs apart in a device's list of trusted certificates. */
    private static String shortSerial() {
        return Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
    }

    private static String escape(String value) {
        return value.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1");
    }
}
