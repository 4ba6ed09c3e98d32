package io.permlab.capture.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTPS server on 127.0.0.1 with its own self-signed certificate (names "localhost" and "127.0.0.1"), standing
 * in for an app's backend. It records what reached it, so tests can tell that the proxy passed requests on unchanged.
 * Pages: {@code /} posts a phone number as JSON with fetch and puts the answer in the title; {@code /api/address}
 * answers JSON, gzip-compressed when the client accepts it; {@code /upload} counts the bytes it got.
 */
public final class LocalHttpsServer implements AutoCloseable {
    public static final String PHONE_SENT = "13812345678";
    public static final String PHONE_RETURNED = "13987654321";

    record Received(String method, String path, int bodyBytes, String body, String acceptEncoding) {
    }

    private static final String PAGE = """
            <!doctype html><html><head><meta charset="utf-8"><title>waiting</title></head><body><p>address</p>
            <script>
            fetch('/api/address', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                   body: JSON.stringify({phone: '%s', city: 'Shanghai'})})
              .then(r => r.json()).then(j => { document.title = 'sent:' + j.ok; })
              .catch(e => { document.title = 'failed:' + e; });
            </script></body></html>""".formatted(PHONE_SENT);

    private final HttpsServer server;
    private final X509Certificate certificate;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public LocalHttpsServer() throws Exception {
        KeyPair keys = Certificates.ecKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), new char[0], new Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String host, String path) {
        return "https://" + host + ":" + port() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String path = x.getRequestURI().getPath();
        String acceptEncoding = x.getRequestHeaders().getFirst("Accept-Encoding");
        received.add(new Received(x.getRequestMethod(), path, body.length,
                body.length < 10_000 ? new String(body, StandardCharsets.UTF_8) : "", acceptEncoding));
        switch (path) {
            case "/" -> send(x, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), false);
            case "/api/address" -> send(x, 200, "application/json; charset=utf-8",
                    ("{\"ok\":true,\"courier\":{\"mobile\":\"" + PHONE_RETURNED + "\"}}").getBytes(StandardCharsets.UTF_8),
                    acceptEncoding != null && acceptEncoding.contains("gzip"));
            case "/upload" -> send(x, 200, "application/json", ("{\"received\":" + body.length + "}").getBytes(StandardCharsets.UTF_8), false);
            default -> send(x, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body, boolean gzip) throws IOException {
        byte[] out = body;
        if (gzip) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(packed)) {
                z.write(body);
            }
            out = packed.toByteArray();
            x.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
