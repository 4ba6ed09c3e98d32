package io.permlab.capture.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Throughput of the recording proxy on this machine (bench/proxy.sh): the same HTTPS POSTs sent by Java's HTTP client
 * to a local server directly and through the proxy, then one large upload through it. Loopback only; a fixed number
 * of requests, so it stops by itself. Args: results file, request count, upload MB.
 */
public final class ProxyBenchmark {
    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        int requests = Integer.parseInt(args[1]);
        int uploadMb = Integer.parseInt(args[2]);
        Path caFolder = Files.createTempDirectory("permlab-bench-ca");
        LabCa ca = LabCa.loadOrCreate(caFolder);
        String body = "{\"phone\":\"13812345678\",\"note\":\"" + "x".repeat(2000) + "\"}";
        try (LocalHttpsServer server = new LocalHttpsServer();
             TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback().trusting(UpstreamTrust.system().plus(server.certificate())))) {
            HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(ProxyClients.trusting(server.certificate())).build();
            HttpClient proxied = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .proxy(java.net.ProxySelector.of(rec.address())).sslContext(ProxyClients.trusting(ca.certificate())).build();
            URI api = URI.create(server.url("localhost", "/api/address"));
            post(direct, api, body, requests / 5);
            post(proxied, api, body, requests / 5);
            rec.takeExchanges(true);
            double directS = post(direct, api, body, requests);
            double proxiedS = post(proxied, api, body, requests);
            int recorded = rec.takeExchanges(true).size();

            byte[] upload = new byte[uploadMb * 1024 * 1024];
            long d0 = System.nanoTime();
            direct.send(HttpRequest.newBuilder(URI.create(server.url("localhost", "/upload")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
            double directUploadS = (System.nanoTime() - d0) / 1e9;
            long t0 = System.nanoTime();
            HttpResponse<String> r = proxied.send(HttpRequest.newBuilder(URI.create(server.url("localhost", "/upload")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
            double uploadS = (System.nanoTime() - t0) / 1e9;
            if (!r.body().equals("{\"received\":" + upload.length + "}")) {
                throw new IllegalStateException("upload not passed on whole: " + r.body());
            }
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            String table = String.format(Locale.ROOT, """
                    # Recording proxy throughput

                    Java's HTTP client (HTTP/1.1, keep-alive) POSTing %d JSON bodies of %d bytes to a local HTTPS server, on
                    this %d-core machine; the proxy decrypts, records (bodies kept) and re-encrypts each one. The server is the JDK's HttpsServer with TCP_NODELAY
                    (`-Dsun.net.httpserver.nodelay=true`; without it every keep-alive POST waits ~40 ms for a delayed ACK).

                    | path | time | requests/s |
                    |---|---|---|
                    | direct | %.2f s | %.0f |
                    | through the proxy | %.2f s | %.0f |

                    Recorded: %d of %d exchanges. Overhead per request: %.2f ms.
                    One %d MB upload: direct %.2f s (%.0f MB/s); through the proxy (body cap 2 MiB, the server got every byte)
                    %.2f s, %.0f MB/s; heap in use afterwards %d MB.
                    """, requests, body.length(), Runtime.getRuntime().availableProcessors(), directS, requests / directS,
                    proxiedS, requests / proxiedS, recorded, requests, (proxiedS - directS) * 1000 / requests, uploadMb, directUploadS, uploadMb / directUploadS, uploadS,
                    uploadMb / uploadS, usedMb);
            Files.writeString(results, table, StandardCharsets.UTF_8);
            System.out.print(table);
        }
    }

    private static double post(HttpClient client, URI uri, String body, int count) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("status " + r.statusCode());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
