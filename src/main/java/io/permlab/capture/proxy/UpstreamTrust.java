package io.permlab.capture.proxy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which servers the proxy itself trusts when it connects on the client's behalf: the JDK's public CAs, plus
 * certificates the lab names (a staging server, a local test server). Host names are checked as a browser would. A
 * server the proxy does not trust is recorded against its host as "unreachable through the proxy", never passed
 * through unchecked.
 */
public final class UpstreamTrust {
    private final List<X509Certificate> extra;

    private UpstreamTrust(List<X509Certificate> extra) {
        this.extra = List.copyOf(extra);
    }

    public static UpstreamTrust system() {
        return new UpstreamTrust(List.of());
    }

    /** The JDK's CAs and these certificates (a CA, or a server's self-signed certificate). */
    public UpstreamTrust plus(X509Certificate... certificates) {
        List<X509Certificate> all = new ArrayList<>(extra);
        all.addAll(List.of(certificates));
        return new UpstreamTrust(all);
    }

    SSLContext context() throws GeneralSecurityException {
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        TrustManager[] managers = system.getTrustManagers();
        if (!extra.isEmpty()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot make an empty trust store", e);
            }
            int i = 0;
            for (TrustManager m : managers) {
                if (m instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + i++, c);
                    }
                }
            }
            for (X509Certificate c : extra) {
                store.setCertificateEntry("lab-" + i++, c);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            managers = combined.getTrustManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, null);
        return context;
    }
}
