package io.permlab.pipeline.site;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the sample H5 targets from local folders on 127.0.0.1: one ephemeral http port and one ephemeral https
 * port, each shared by all virtual hosts of its scheme. The browser reaches them under their real-looking names
 * (waimai.example) through Chromium's host resolver rules, so pages, cookies and third-party hosts behave as they
 * would on the internet.
 */
public final class LocalSites {
    private LocalSites() {
    }

    public static RunningSites start(List<ServeSpec> specs) throws IOException {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("nothing to serve: no serve entries");
        }
        Map<String, StaticFolder> httpFolders = new LinkedHashMap<>();
        Map<String, StaticFolder> httpsFolders = new LinkedHashMap<>();
        for (ServeSpec spec : specs) {
            if (httpFolders.containsKey(spec.host()) || httpsFolders.containsKey(spec.host())) {
                throw new IllegalArgumentException("host served twice: " + spec.host());
            }
            (spec.https() ? httpsFolders : httpFolders).put(spec.host(), new StaticFolder(spec.dir()));
        }
        List<ApiCall> apiCalls = new CopyOnWriteArrayList<>();
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        HttpServer http = null;
        HttpsServer https = null;
        SelfSignedCertificate certificate = null;
        try {
            if (!httpFolders.isEmpty()) {
                http = HttpServer.create(loopbackAnyPort(), 0);
                listen(http, new SiteHandler(httpFolders, apiCalls), executor);
            }
            if (!httpsFolders.isEmpty()) {
                certificate = SelfSignedCertificate.generate(httpsFolders.keySet());
                https = HttpsServer.create(loopbackAnyPort(), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
                listen(https, new SiteHandler(httpsFolders, apiCalls), executor);
            }
            return new RunningSites(specs, http, https, certificate, executor, apiCalls);
        } catch (IOException | RuntimeException e) {
            try {
                RunningSites.stop(http, https, certificate, executor);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void listen(HttpServer server, SiteHandler handler, ExecutorService executor) {
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    private static InetSocketAddress loopbackAnyPort() throws IOException {
        // 127.0.0.1 explicitly: the loopback address Java prefers may be ::1, which the resolver rules do not name.
        return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "permlab-site-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
