package io.permlab.pipeline.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The https side: a fresh self-signed key per start, trusted by exactly its SPKI hash, gone on close. */
class HttpsSitesTest {
    private static final String SECURE = "waimai-compliant.example";
    private static final String OTHER_SECURE = "pay.waimai-compliant.example";
    private static final String PLAIN = "analytics.tracker.example";

    @TempDir
    Path root;

    @Test
    void servesOverTlsWithAKeyWhoseSpkiHashIsTheOneChromiumIsGiven() throws Exception {
        try (RunningSites sites = startMixed()) {
            for (String host : List.of(SECURE, OTHER_SECURE)) {
                RawHttp.Response response = RawHttp.sendTls(pinnedTo(sites.spkiHash(), host), sites.httpsPort(), host, "GET", "/");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("<h1>合规版</h1>");
                X509Certificate presented = response.peerCertificates().get(0);
                assertThat(spkiSha256(presented)).isEqualTo(sites.spkiHash());
                assertThat(presented.getPublicKey().getAlgorithm()).isEqualTo("EC");
                assertThat(presented.getSubjectX500Principal().getName()).isEqualTo("CN=permlab-sample");
                assertThat(presented.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, SECURE), List.of(2, OTHER_SECURE));
            }
            assertThat(sites.chromiumArguments()).contains("--ignore-certificate-errors-spki-list=" + sites.spkiHash());
        }
    }

    @Test
    void eachStartMakesANewKey() throws Exception {
        String first;
        try (RunningSites sites = startMixed()) {
            first = sites.spkiHash();
        }
        try (RunningSites sites = startMixed()) {
            assertThat(sites.spkiHash()).isNotEqualTo(first);
        }
    }

    @Test
    void aClientThatTrustsOnlyPublicAuthoritiesRefusesTheKey() throws Exception {
        try (RunningSites sites = startMixed()) {
            assertThatThrownBy(() -> RawHttp.sendTls(SSLContext.getDefault(), sites.httpsPort(), SECURE, "GET", "/"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void eachSchemeServesOnlyItsOwnHosts() throws Exception {
        try (RunningSites sites = startMixed()) {
            assertThat(RawHttp.get(sites.httpPort(), SECURE, "/").status()).isEqualTo(404);
            assertThat(RawHttp.get(sites.httpPort(), PLAIN, "/sdk.js").status()).isEqualTo(200);
            assertThat(RawHttp.sendTls(pinnedTo(sites.spkiHash(), SECURE), sites.httpsPort(), PLAIN, "GET", "/sdk.js").status())
                    .isEqualTo(404);
            assertThat(RawHttp.sendTls(pinnedTo(sites.spkiHash(), SECURE), sites.httpsPort(), SECURE, "POST", "/api/address").text())
                    .isEqualTo("{\"ok\":true}");
            assertThat(sites.url("https://waimai-compliant.example/index.html"))
                    .isEqualTo("https://waimai-compliant.example:" + sites.httpsPort() + "/index.html");
            assertThat(sites.url("/index.html")).isEqualTo("https://waimai-compliant.example:" + sites.httpsPort() + "/index.html");
            assertThat(sites.insecureOriginsTreatedAsSecure()).isEqualTo("http://analytics.tracker.example:" + sites.httpPort());
        }
    }

    @Test
    void closeFreesBothPortsAndDeletesTheKeystore() throws Exception {
        RunningSites sites = startMixed();
        int httpPort = sites.httpPort();
        int httpsPort = sites.httpsPort();
        Path keystore = sites.keystoreFolder();
        assertThat(keystore).isDirectory();
        assertThat(Files.list(keystore)).isNotEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rwx------");

        sites.close();
        sites.close();

        assertThat(keystore).doesNotExist();
        for (int port : List.of(httpPort, httpsPort)) {
            assertThatThrownBy(() -> RawHttp.get(port, PLAIN, "/sdk.js")).isInstanceOf(ConnectException.class);
            try (ServerSocket rebound = new ServerSocket()) {
                rebound.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                assertThat(rebound.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void onlyHttpMeansNoCertificate() throws Exception {
        try (RunningSites sites = LocalSites.start(List.of(new ServeSpec(PLAIN, tracker(), false)))) {
            assertThat(sites.spkiHash()).isNull();
            assertThat(sites.keystoreFolder()).isNull();
            assertThat(sites.httpsPort()).isEqualTo(-1);
        }
    }

    private RunningSites startMixed() throws IOException {
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>合规版</h1>");
        return LocalSites.start(List.of(new ServeSpec(SECURE, site, true), new ServeSpec(OTHER_SECURE, site, true),
                new ServeSpec(PLAIN, tracker(), false)));
    }

    private Path tracker() throws IOException {
        Path tracker = Files.createDirectories(root.resolve("tracker"));
        Files.writeString(tracker.resolve("sdk.js"), "window.sdk = {};");
        return tracker;
    }

    /** A client that trusts one key only (as Chromium does with the SPKI list) and checks the name in the certificate. */
    private static SSLContext pinnedTo(String spkiHash, String host) throws GeneralSecurityException {
        X509TrustManager pinning = new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    if (!spkiSha256(chain[0]).equals(spkiHash)) {
                        throw new CertificateException("not the pinned key");
                    }
                    if (!chain[0].getSubjectAlternativeNames().contains(List.of(2, host))) {
                        throw new CertificateException("certificate does not name " + host);
                    }
                } catch (GeneralSecurityException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates here");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {pinning}, null);
        return context;
    }

    private static String spkiSha256(X509Certificate certificate) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    }
}
