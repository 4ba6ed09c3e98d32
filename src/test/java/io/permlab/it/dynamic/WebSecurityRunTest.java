package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insecure cookies and mixed content as real Chromium reports them: an https shop (a JDK HTTPS server with a
 * keytool certificate; the device profile maps its host to it and accepts the certificate) sets a session cookie
 * without flags, a cookie carrying a phone number without HttpOnly, a harmless cookie and two correctly flagged
 * ones, and its page loads a script and an image from an http:// host (which Chromium upgrades to https, so the page's
 * HTML is what shows them). PermLab's run must flag exactly the two cookies and the two http:// subresources.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebSecurityRunTest {
    private static final String PASSWORD = "permlab-test";

    @TempDir
    static Path dir;
    private static HttpsServer shop;
    private static CliRun run;

    @BeforeAll
    static void runAgainstAnHttpsShop() throws Exception {
        // Chromium upgrades the page's http:// requests to https; a port that refuses makes them fail at once.
        int plainPort;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            plainPort = closed.getLocalPort();
        }

        shop = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.setHttpsConfigurator(new HttpsConfigurator(tls(dir.resolve("shop.p12"))));
        String page = "<!doctype html><html><body><p id=\"ok\">ready</p>"
                + "<script src=\"http://plain.example:" + plainPort + "/tracker.js\"></script>"
                + "<img src=\"http://plain.example:" + plainPort + "/pixel.png\"></body></html>";
        shop.createContext("/", x -> {
            byte[] body = x.getRequestURI().getPath().equals("/index.html") ? page.getBytes(StandardCharsets.UTF_8) : new byte[0];
            var h = x.getResponseHeaders();
            h.add("Content-Type", "text/html; charset=utf-8");
            if (body.length > 0) {
                h.add("Set-Cookie", "sessionid=a81f0c; Path=/");
                h.add("Set-Cookie", "contact=13912345678; Path=/; Secure");
                h.add("Set-Cookie", "theme=dark; Path=/");
                h.add("Set-Cookie", "auth_token=c0ffee; Path=/; Secure; HttpOnly");
                h.add("Set-Cookie", "mobile=13812345678; Path=/; Secure; HttpOnly; SameSite=Lax");
            }
            x.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        shop.start();
        int shopPort = shop.getAddress().getPort();

        Path target = H5Target.in(dir.resolve("targets"), "https-shop").at("https://shop.example:" + shopPort + "/index.html")
                .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 5000}")).write();
        Path profile = DeviceProfileFile.withPageLoadTimeout(dir.resolve("devices"), 15_000,
                "--host-resolver-rules=MAP shop.example 127.0.0.1, MAP plain.example 127.0.0.1", "--ignore-certificate-errors");
        run = CliRun.run(dir.resolve("out"), List.of(target), "--device", profile.toString());
    }

    /** A self-signed certificate for shop.example, made by the JDK's keytool. */
    private static SSLContext tls(Path keystore) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-noprompt",
                "-alias", "shop", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=shop.example",
                "-ext", "SAN=dns:shop.example", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.stop(0);
        }
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    private static List<JsonObject> findings(String ruleId) {
        RunReport.Target t = run.report().target("https-shop");
        assertThat(t.errors()).as("processing errors; console: %s %s", run.out(), run.err()).isEmpty();
        return RunReport.objects(t.json().getAsJsonArray("findings")).stream()
                .filter(f -> f.get("ruleId").getAsString().equals(ruleId)).toList();
    }

    private static String text(JsonObject finding) {
        return finding.toString();
    }

    @Test
    void flagsTheSessionCookieAndThePiCookieOnly() {
        List<JsonObject> cookies = findings("DYN-COOKIE-INSECURE");
        assertThat(cookies).hasSize(2);
        assertThat(cookies).anySatisfy(f -> assertThat(text(f)).contains("'sessionid'", "without Secure, HttpOnly (a session cookie)",
                "缺少 Secure、HttpOnly（会话 Cookie）"));
        assertThat(cookies).anySatisfy(f -> assertThat(text(f)).contains("'contact'", "without HttpOnly (carries ", "缺少 HttpOnly（含"));
        assertThat(cookies.toString()).doesNotContain("theme", "auth_token", "'mobile'", "13912345678");
    }

    @Test
    void flagsTheHttpRequestsOfTheHttpsPage() {
        List<JsonObject> mixed = findings("DYN-MIXED-CONTENT");
        System.out.println("mixed content as recorded: " + mixed.stream().map(f -> f.getAsJsonObject("message").get("en").getAsString()).toList());
        assertThat(mixed).hasSize(2);
        assertThat(mixed).allSatisfy(f -> assertThat(text(f)).contains("http://plain.example:", "https://shop.example:"));
        assertThat(mixed.toString()).contains("/tracker.js", "/pixel.png");
    }
}
