package io.permlab.capture.proxy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import java.util.zip.GZIPInputStream;

import static io.permlab.capture.proxy.LocalHttpsServer.PHONE_RETURNED;
import static io.permlab.capture.proxy.LocalHttpsServer.PHONE_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy for real: a real HTTPS server on 127.0.0.1, Java's HTTP client going through the proxy as a device's app
 * would, with or without trusting the lab CA. Nothing is simulated.
 */
class MitmProxyTest {
    @TempDir
    static Path caFolder;
    static LabCa ca;
    static LocalHttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        ca = LabCa.loadOrCreate(caFolder);
        server = new LocalHttpsServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ProxyOptions trustingServer() {
        return ProxyOptions.loopback().trusting(UpstreamTrust.system().plus(server.certificate()));
    }

    @Test
    void aClientTrustingTheLabCaIsReadInFullAndTheServerGetsTheRequestUnchanged() throws Exception {
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer())) {
            HttpClient client = ProxyClients.trustingLabCa(rec, ca);
            String json = "{\"phone\":\"" + PHONE_SENT + "\"}";
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(server.url("localhost", "/api/address?src=app")))
                    .header("Content-Type", "application/json").header("Accept-Encoding", "gzip, br")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gunzip(response.body())).contains(PHONE_RETURNED);
            LocalHttpsServer.Received got = server.received().get(server.received().size() - 1);
            assertThat(got.body()).isEqualTo(json);
            assertThat(got.acceptEncoding()).as("narrowed to what the proxy can decode").isEqualTo("gzip, deflate");

            List<ProxiedExchange> taken = rec.takeExchanges(false);
            assertThat(taken).hasSize(1);
            var x = taken.get(0).exchange();
            assertThat(x.method()).isEqualTo("POST");
            assertThat(x.url()).isEqualTo(server.url("localhost", "/api/address?src=app"));
            assertThat(x.requestBody()).isEqualTo(json);
            assertThat(x.requestHeader("Accept-Encoding")).as("as the client sent it").isEqualTo("gzip, br");
            assertThat(x.status()).isEqualTo(200);
            assertThat(x.responseMimeType()).isEqualTo("application/json");
            assertThat(x.responseBody()).as("decoded from gzip").contains("\"mobile\":\"" + PHONE_RETURNED + "\"");
            assertThat(x.failed()).isFalse();
            assertThat(rec.takeExchanges(true)).as("taken once").isEmpty();

            TrafficVisibility seen = rec.visibility();
            assertThat(seen.verdict()).isEqualTo(Visibility.VISIBLE);
            assertThat(seen.hosts()).extracting(HostVisibility::host, HostVisibility::state, HostVisibility::requests)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("localhost", HostState.VISIBLE, 1));
        }
    }

    @Test
    void aClientThatRefusesTheLabCaIsNotVisibleNeverClean() throws Exception {
        int before = server.received().size();
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer())) {
            HttpClient client = ProxyClients.notTrustingLabCa(rec);
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(server.url("127.0.0.1", "/api/address")))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + PHONE_SENT + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            ProxyClients.awaitHost(rec, "the refused handshake", h -> h.refusedHandshakes() > 0);

            TrafficVisibility seen = rec.visibility();
            assertThat(seen.verdict()).isEqualTo(Visibility.NOT_VISIBLE);
            assertThat(seen.notVisible()).singleElement().satisfies(h -> {
                assertThat(h.host()).isEqualTo("127.0.0.1");
                assertThat(h.state()).isEqualTo(HostState.REFUSED_BY_CLIENT);
                assertThat(h.refusedHandshakes()).isGreaterThanOrEqualTo(1);
                // the evidence is why the client refused, never what else went wrong on the host (the proxy then drops
                // its own connection to the server, which is not the server being unreachable)
                assertThat(h.reason()).isNotBlank().doesNotContain("could not connect to the server");
            });
            assertThat(seen.summary().en()).isEqualTo("traffic not visible: 127.0.0.1 (TLS handshake refused by the client (it does not trust the lab CA))");
            assertThat(seen.summary().zh()).isEqualTo("流量不可见：127.0.0.1（客户端拒绝了TLS握手（不信任实验室证书））");
            assertThat(rec.takeExchanges(true)).isEmpty();
        }
        assertThat(server.received()).as("nothing was sent on: the client gave up").hasSize(before);
    }

    @Test
    void oneHostReadAndOneRefusedIsPartlyVisible() throws Exception {
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer())) {
            HttpResponse<String> ok = ProxyClients.trustingLabCa(rec, ca).send(
                    HttpRequest.newBuilder(URI.create(server.url("localhost", "/"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> ProxyClients.notTrustingLabCa(rec).send(
                    HttpRequest.newBuilder(URI.create(server.url("127.0.0.1", "/"))).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            ProxyClients.awaitRecorded("both hosts", () -> rec.visibility().hosts().size() == 2);
            ProxyClients.awaitHost(rec, "the refused handshake", h -> h.refusedHandshakes() > 0);

            TrafficVisibility seen = rec.visibility();
            assertThat(seen.verdict()).isEqualTo(Visibility.PARTLY_VISIBLE);
            assertThat(seen.notVisible()).extracting(HostVisibility::host).containsExactly("127.0.0.1");
            assertThat(seen.summary().en()).startsWith("traffic partly visible; not visible: 127.0.0.1");
        }
    }

    @Test
    void aServerTheProxyDoesNotTrustIsUnreachableNotPassedThroughUnchecked() throws Exception {
        int before = server.received().size();
        try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback())) {
            assertThatThrownBy(() -> ProxyClients.trustingLabCa(rec, ca).send(
                    HttpRequest.newBuilder(URI.create(server.url("localhost", "/"))).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            ProxyClients.awaitHost(rec, "the failed upstream connection", h -> h.unreachable() > 0);

            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.NOT_VISIBLE);
            assertThat(rec.visibility().notVisible()).singleElement()
                    .satisfies(h -> assertThat(h.state()).isEqualTo(HostState.UNREACHABLE));
        }
        assertThat(server.received()).hasSize(before);
    }

    @Test
    void aBodyOverTheCapIsCutWithANoteWhileTheServerGetsItWhole() throws Exception {
        int cap = 64 * 1024;
        byte[] upload = "phone=13812345678&photo=".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer().withMaxBodyBytes(cap))) {
            HttpResponse<String> response = ProxyClients.trustingLabCa(rec, ca).send(HttpRequest.newBuilder(URI.create(server.url("localhost", "/upload")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("{\"received\":" + upload.length + "}");
            ProxiedExchange p = rec.takeExchanges(false).get(0);
            assertThat(p.requestTruncated()).isTrue();
            assertThat(p.responseTruncated()).isFalse();
            assertThat(p.exchange().requestBody()).startsWith("phone=13812345678&photo=")
                    .endsWith("[PermLab: body truncated, " + cap + " bytes kept of " + upload.length + " received]");
            assertThat(p.exchange().requestBody().length()).isLessThan(cap + 100);
        }
    }

    @Test
    void aBodyExactlyAtTheCapIsWholeAndCarriesNoNote() throws Exception {
        byte[] upload = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer().withMaxBodyBytes(upload.length))) {
            ProxyClients.trustingLabCa(rec, ca).send(HttpRequest.newBuilder(URI.create(server.url("localhost", "/upload")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
            ProxiedExchange p = rec.takeExchanges(false).get(0);
            assertThat(p.requestTruncated()).isFalse();
            assertThat(p.exchange().requestBody()).isEqualTo("x".repeat(4096));
        }
    }

    @Test
    void aHostOutsideTheAllowedListIsAnsweredByTheProxyAndNeverContacted() throws Exception {
        int before = server.received().size();
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer().onlyTo("localhost"))) {
            assertThatThrownBy(() -> ProxyClients.trustingLabCa(rec, ca).send(
                    HttpRequest.newBuilder(URI.create(server.url("127.0.0.1", "/"))).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class).hasMessageContaining("403");
            assertThat(rec.takeExchanges(true)).isEmpty();
            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.NO_TRAFFIC);
        }
        assertThat(server.received()).hasSize(before);
    }

    @Test
    void aHandshakeFollowedByNoRequestIsNotVisibleAsPinningAfterTheHandshakeWouldBe() throws Exception {
        try (TrafficRecorder rec = MitmProxy.start(ca, trustingServer());
             Socket socket = new Socket(rec.address().getAddress(), rec.port())) {
            String authority = "localhost:" + server.port();
            socket.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(socket)).startsWith("HTTP/1.1 200");
            // Like OkHttp's CertificatePinner: the chain is accepted by the TLS layer, then the app hangs up unasked.
            SSLSocket tls = (SSLSocket) ProxyClients.trusting(ca.certificate()).getSocketFactory()
                    .createSocket(socket, "localhost", server.port(), true);
            tls.startHandshake();
            tls.close();
            ProxyClients.awaitHost(rec, "the silent connection", h -> h.silentConnections() > 0);

            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.NOT_VISIBLE);
            assertThat(rec.visibility().notVisible()).singleElement()
                    .satisfies(h -> assertThat(h.state()).isEqualTo(HostState.NO_REQUEST_AFTER_HANDSHAKE));
        }
    }

    @Test
    void plainHttpIsRecordedAsCleartext() throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/track", x -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            x.getRequestBody().readAllBytes();
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, ok.length);
            x.getResponseBody().write(ok);
            x.close();
        });
        plain.start();
        try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback())) {
            String url = "http://127.0.0.1:" + plain.getAddress().getPort() + "/track?mobile=" + PHONE_SENT;
            HttpResponse<String> r = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(rec.address())).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("ok");
            List<ProxiedExchange> taken = rec.takeExchanges(false);
            assertThat(taken).extracting(p -> p.exchange().url()).containsExactly(url);
            var evidence = ProxyTraffic.evidence(taken).get(0);
            assertThat(evidence.cleartext()).isTrue();
            assertThat(evidence.piSent()).extracting(io.permlab.model.dynamic.PiSighting::maskedValue).contains("138****5678");
            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.VISIBLE);
        } finally {
            plain.stop(0);
        }
    }

    private static String readHead(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        var in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void nothingThroughTheProxyIsNoTrafficNotClean() throws Exception {
        try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback())) {
            assertThat(rec.port()).isPositive();
            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.NO_TRAFFIC);
            assertThat(rec.visibility().summary().en()).startsWith("traffic not visible");
        }
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
