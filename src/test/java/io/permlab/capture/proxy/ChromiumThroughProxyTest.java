package io.permlab.capture.proxy;

import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PiSighting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static io.permlab.capture.proxy.LocalHttpsServer.PHONE_RETURNED;
import static io.permlab.capture.proxy.LocalHttpsServer.PHONE_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, driven by chromedriver, loads a page from a real local HTTPS server through the proxy; the page
 * posts a phone number with fetch. Chromium is told to accept chains that contain the lab CA's key
 * ({@code --ignore-certificate-errors-spki-list}, the same mechanism PermLab's H5 runs use for their sample server)
 * and nothing else; a second Chromium without that flag stands for a client that does not trust the CA.
 */
class ChromiumThroughProxyTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static LabCa ca;
    static LocalHttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "skipped: Debian's chromium and chromium-driver are not installed");
        ca = LabCa.loadOrCreate(dir.resolve("ca"));
        server = new LocalHttpsServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void chromiumTrustingTheCaIsRecordedWithThePhoneItPostedFoundAndMasked() throws Exception {
        try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback().trusting(UpstreamTrust.system().plus(server.certificate())).onlyTo("localhost"))) {
            ChromeDriver chromium = chromium(rec, dir.resolve("profile-trusting"), true);
            try {
                chromium.get(server.url("localhost", "/"));
                new WebDriverWait(chromium, Duration.ofSeconds(20)).until(d -> d.getTitle().startsWith("sent:") || d.getTitle().startsWith("failed:"));
                assertThat(chromium.getTitle()).isEqualTo("sent:true");
            } finally {
                chromium.quit();
            }
            List<ProxiedExchange> traffic = rec.takeExchanges(true).stream()
                    .filter(p -> !p.exchange().url().endsWith("/favicon.ico")).toList();
            assertThat(traffic).extracting(p -> p.exchange().method(), p -> p.exchange().url()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("GET", server.url("localhost", "/")),
                    org.assertj.core.groups.Tuple.tuple("POST", server.url("localhost", "/api/address")));
            var post = traffic.get(1).exchange();
            assertThat(post.requestBody()).isEqualTo("{\"phone\":\"" + PHONE_SENT + "\",\"city\":\"Shanghai\"}");
            assertThat(post.requestHeader("User-Agent")).contains("Chrome");
            assertThat(post.responseBody()).contains(PHONE_RETURNED);
            assertThat(traffic.get(0).exchange().responseBody()).contains("<title>waiting</title>");
            assertThat(server.received()).extracting(LocalHttpsServer.Received::path).contains("/", "/api/address");
            assertThat(rec.visibility().verdict()).isEqualTo(Visibility.VISIBLE);

            List<NetworkExchange> evidence = ProxyTraffic.evidence(traffic);
            assertThat(evidence.get(1).piSent()).extracting(PiSighting::type, PiSighting::maskedValue)
                    .contains(org.assertj.core.groups.Tuple.tuple("MOBILE_PHONE", "138****5678"));
            assertThat(evidence.get(1).piReceived()).extracting(PiSighting::type).contains("MOBILE_PHONE");
            assertThat(evidence.get(1).host()).isEqualTo("localhost");
            assertThat(evidence.get(1).cleartext()).isFalse();

            Path masked = dir.resolve("out/traffic.har");
            Files.createDirectories(masked.getParent());
            ProxyTraffic.writeHar(masked, traffic, "chromium via the PermLab proxy", "test", rec.started(), true);
            String har = Files.readString(masked, StandardCharsets.UTF_8);
            assertThat(har).contains("138****5678").contains("/api/address").contains("\"method\": \"POST\"")
                    .doesNotContain(PHONE_SENT).doesNotContain(PHONE_RETURNED);

            Path raw = dir.resolve("out/traffic-unmasked.har");
            ProxyTraffic.writeHar(raw, traffic, "chromium via the PermLab proxy", "test", rec.started(), false);
            assertThat(Files.readString(raw, StandardCharsets.UTF_8)).contains(PHONE_SENT);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(raw))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void chromiumNotTrustingTheCaLeavesTheTrafficNotVisible() throws Exception {
        int before = server.received().size();
        try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback().trusting(UpstreamTrust.system().plus(server.certificate())).onlyTo("localhost"))) {
            ChromeDriver chromium = chromium(rec, dir.resolve("profile-untrusting"), false);
            try {
                chromium.get(server.url("localhost", "/"));
            } finally {
                chromium.quit();
            }
            ProxyClients.awaitHost(rec, "the refused handshake", h -> h.refusedHandshakes() > 0);
            TrafficVisibility seen = rec.visibility();
            assertThat(seen.verdict()).isEqualTo(Visibility.NOT_VISIBLE);
            assertThat(seen.notVisible()).extracting(HostVisibility::host, HostVisibility::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("localhost", HostState.REFUSED_BY_CLIENT));
            assertThat(rec.takeExchanges(true)).isEmpty();
        }
        assertThat(server.received()).hasSize(before);
    }

    private static ChromeDriver chromium(TrafficRecorder rec, Path profile, boolean trustCa) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile,
                // Its own background calls (time, component updates) are answered 403 by the proxy (onlyTo), never sent on.
                "--proxy-server=http://127.0.0.1:" + rec.port(),
                // Chromium never sends loopback hosts to a proxy unless told to.
                "--proxy-bypass-list=<-loopback>");
        if (trustCa) {
            options.addArguments("--ignore-certificate-errors-spki-list=" + ca.spkiSha256());
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
