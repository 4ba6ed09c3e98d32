package io.permlab.capture.proxy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Java's own HTTP client through the proxy: one that trusts only the lab CA, and one with the JDK's default trust. */
public final class ProxyClients {
    private ProxyClients() {
    }

    static HttpClient trustingLabCa(TrafficRecorder rec, LabCa ca) throws Exception {
        return HttpClient.newBuilder().proxy(ProxySelector.of(rec.address())).sslContext(trusting(ca.certificate()))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Like an app that does not trust user CAs: the JDK's public CAs only. */
    static HttpClient notTrustingLabCa(TrafficRecorder rec) throws Exception {
        return HttpClient.newBuilder().proxy(ProxySelector.of(rec.address())).sslContext(SSLContext.getDefault())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Waits (up to 10 s) for the proxy's event loop to have recorded what the client already saw happen. */
    static void awaitRecorded(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the proxy did not record " + what + " within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits for a host tally the test is about. Not merely "some host recorded": a client refusing the lab CA also ends
     * the proxy's own connection to the server, and netty may report that (as unreachable) a moment before the refused
     * handshake, so a test reading the first thing recorded would see a state that is about to change.
     */
    static void awaitHost(TrafficRecorder rec, String what, Predicate<HostVisibility> recorded) throws InterruptedException {
        awaitRecorded(what, () -> rec.visibility().hosts().stream().anyMatch(recorded));
    }
}
