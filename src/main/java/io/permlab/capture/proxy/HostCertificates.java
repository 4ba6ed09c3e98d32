package io.permlab.capture.proxy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server certificate per host the client connects to, signed by the lab CA and made on first use. One EC key serves
 * every leaf of a proxy (making a key per host would cost more than the handshake); the chain sent is leaf then CA, so
 * a client that trusts the CA, or Chromium told to accept the CA's key, accepts it.
 */
final class HostCertificates {
    private static final char[] NO_PASSWORD = new char[0];

    private final LabCa ca;
    private final KeyPair leafKeys;
    private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();

    HostCertificates(LabCa ca) throws GeneralSecurityException {
        this.ca = ca;
        this.leafKeys = Certificates.ecKeyPair();
    }

    /** A TLS server context presenting {@code host}'s certificate. */
    SSLContext contextFor(String host) {
        return contexts.computeIfAbsent(host, this::newContext);
    }

    X509Certificate certificateFor(String host) {
        try {
            return Certificates.leaf(host, leafKeys.getPublic(), ca.certificate(), ca.privateKey(), Instant.now());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate for " + host + ": " + e.getMessage(), e);
        }
    }

    private SSLContext newContext(String host) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("leaf", leafKeys.getPrivate(), NO_PASSWORD, new Certificate[] {certificateFor(host), ca.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context for " + host + ": " + e.getMessage(), e);
        }
    }
}
