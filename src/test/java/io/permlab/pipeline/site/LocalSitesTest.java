package io.permlab.pipeline.site;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample-site server over plain http, requested for real through a socket with the Host header set. */
class LocalSitesTest {
    private static final String SITE = "waimai.example";
    private static final String TRACKER = "analytics.tracker.example";
    private static final String SECRET = "TOP SECRET, outside every served folder";

    @TempDir
    Path root;
    private RunningSites sites;

    @BeforeEach
    void serveTwoHosts() throws IOException {
        Path site = Files.createDirectories(root.resolve("site"));
        write(site.resolve("index.html"), "<!doctype html><title>首页</title><h1>鲜味外卖</h1>");
        write(site.resolve("app.js"), "console.log('app');");
        write(site.resolve("style.css"), "body { color: #222; }");
        write(site.resolve("logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        write(site.resolve("data.json"), "{\"城市\": \"上海\"}");
        Files.write(site.resolve("pixel.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        write(site.resolve("empty.txt"), "");
        write(site.resolve(".env"), SECRET);
        write(Files.createDirectories(site.resolve("sub")).resolve("index.html"), "<p>sub index</p>");
        write(site.resolve("sub/page.html"), "<p>sub page</p>");
        write(root.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(site.resolve("link-out.txt"), root.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("link-out-dir"), root);
        Files.createSymbolicLink(site.resolve("link-in.html"), site.resolve("sub/page.html"));
        Path tracker = Files.createDirectories(root.resolve("tracker"));
        write(tracker.resolve("sdk.js"), "window.sdk = {};");
        sites = LocalSites.start(List.of(new ServeSpec(SITE, site, false), new ServeSpec(TRACKER, tracker, false)));
    }

    @AfterEach
    void stop() {
        sites.close();
    }

    @Test
    void servesEachHostsOwnFolderWithItsIndexAtTheRoot() throws IOException {
        RawHttp.Response index = get(SITE, "/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(index.text()).contains("<h1>鲜味外卖</h1>");
        assertThat(get(SITE + ":" + sites.httpPort(), "/index.html").text()).contains("鲜味外卖");
        assertThat(get("WAIMAI.Example", "/index.html").status()).isEqualTo(200);

        assertThat(get(TRACKER, "/sdk.js").text()).isEqualTo("window.sdk = {};");
        assertThat(get(TRACKER, "/index.html").status()).isEqualTo(404);
        assertThat(get(SITE, "/sdk.js").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
            "/app.js, text/javascript; charset=utf-8",
            "/style.css, text/css; charset=utf-8",
            "/logo.svg, image/svg+xml; charset=utf-8",
            "/data.json, application/json; charset=utf-8",
            "/pixel.png, image/png",
            "/empty.txt, text/plain; charset=utf-8"})
    void namesTheContentTypeOfEachFile(String path, String contentType) throws IOException {
        RawHttp.Response response = get(SITE, path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(contentType);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(sites.specs().get(0).dir().resolve(path.substring(1))));
    }

    @Test
    void servesUtf8TextAsItIsOnDisk() throws IOException {
        assertThat(get(SITE, "/data.json").text()).isEqualTo("{\"城市\": \"上海\"}");
    }

    @Test
    void servesTheIndexOfASubfolderAndAddsItsMissingSlash() throws IOException {
        assertThat(get(SITE, "/sub/").text()).isEqualTo("<p>sub index</p>");
        RawHttp.Response noSlash = get(SITE, "/sub");
        assertThat(noSlash.status()).isEqualTo(301);
        assertThat(noSlash.header("Location")).isEqualTo("/sub/");
        assertThat(get(SITE, "/sub/page.html/").status()).isEqualTo(404);
    }

    @Test
    void followsASymbolicLinkThatStaysInsideTheFolder() throws IOException {
        assertThat(get(SITE, "/link-in.html").text()).isEqualTo("<p>sub page</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/./../secret.txt", "//secret.txt", "/%2f..%2fsecret.txt",
            "/link-out.txt", "/link-out-dir/secret.txt", "/.env", "/index.html%00.txt",
            "http://waimai.example/../secret.txt"})
    void neverServesAnythingOutsideTheFolder(String target) throws IOException {
        RawHttp.Response response = get(SITE, target);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).doesNotContain("SECRET");
    }

    /** The JDK's server itself answers 400 to a request target that is not a URI, before any folder is looked at. */
    @ParameterizedTest
    @ValueSource(strings = {"/..\\secret.txt", "/%zz/secret.txt", "/%", "/sub/..\\..\\secret.txt"})
    void refusesRequestTargetsThatAreNotUris(String target) throws IOException {
        RawHttp.Response response = get(SITE, target);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("SECRET");
    }

    @Test
    void refusesAnAbsoluteFileSystemPath() throws IOException {
        String absolute = root.resolve("secret.txt").toAbsolutePath().toString();
        assertThat(get(SITE, "/" + absolute).status()).isEqualTo(404);
        assertThat(get(SITE, "/sub/" + absolute).status()).isEqualTo(404);
    }

    @Test
    void answersTheMockApiOnEveryHostAndMethodAndRecordsTheCall() throws IOException {
        RawHttp.Response saved = RawHttp.send(sites.httpPort(), SITE, "POST", "/api/address",
                "{\"name\":\"张三\",\"phone\":\"13812345678\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(saved.text()).isEqualTo("{\"ok\":true}");
        assertThat(RawHttp.send(sites.httpPort(), TRACKER, "GET", "/api/collect?lat=31.230416", null).text())
                .isEqualTo("{\"ok\":true}");
        assertThat(RawHttp.send(sites.httpPort(), SITE, "DELETE", "/api", null).text()).isEqualTo("{\"ok\":true}");

        assertThat(sites.apiCalls()).containsExactly(
                new ApiCall(SITE, "POST", "/api/address", "{\"name\":\"张三\",\"phone\":\"13812345678\"}"),
                new ApiCall(TRACKER, "GET", "/api/collect?lat=31.230416", ""),
                new ApiCall(SITE, "DELETE", "/api", ""));
    }

    @Test
    void staticFilesAcceptOnlyReads() throws IOException {
        RawHttp.Response post = RawHttp.send(sites.httpPort(), SITE, "POST", "/index.html", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        RawHttp.Response head = RawHttp.send(sites.httpPort(), SITE, "HEAD", "/index.html", null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(get(SITE, "/apis.html").status()).isEqualTo(404);
    }

    @Test
    void anUnknownOrMissingHostGetsNothing() throws IOException {
        assertThat(get("evil.example", "/index.html").status()).isEqualTo(404);
        assertThat(get("127.0.0.1", "/index.html").status()).isEqualTo(404);
        assertThat(get("evil.example", "/api/address").status()).isEqualTo(404);
        assertThat(get(null, "/index.html").status()).isEqualTo(404);
        assertThat(sites.apiCalls()).isEmpty();
    }

    @Test
    void givesEachServedUrlItsLocalPortAndLeavesOtherUrlsAlone() {
        int port = sites.httpPort();
        assertThat(sites.url("http://waimai.example/index.html")).isEqualTo("http://waimai.example:" + port + "/index.html");
        assertThat(sites.url("http://waimai.example")).isEqualTo("http://waimai.example:" + port + "/");
        assertThat(sites.url("http://Analytics.Tracker.Example:80/a%20b?x=1&y=%E4%B8%8A#top"))
                .isEqualTo("http://analytics.tracker.example:" + port + "/a%20b?x=1&y=%E4%B8%8A#top");
        assertThat(sites.url("/index.html")).isEqualTo("http://waimai.example:" + port + "/index.html");
        assertThat(sites.url("sub/page.html?q=1")).isEqualTo("http://waimai.example:" + port + "/sub/page.html?q=1");
        assertThat(sites.url("https://www.gov.cn/")).isEqualTo("https://www.gov.cn/");
        assertThatThrownBy(() -> sites.url("https://waimai.example/index.html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("served over http");
    }

    @Test
    void tellsChromiumWhereTheHostsAreAndThatTheirHttpOriginsMayUsePermissions() {
        String origins = "http://waimai.example:" + sites.httpPort() + ",http://analytics.tracker.example:" + sites.httpPort();
        assertThat(sites.hostResolverRules()).isEqualTo("MAP waimai.example 127.0.0.1,MAP analytics.tracker.example 127.0.0.1");
        assertThat(sites.spkiHash()).isNull();
        assertThat(sites.httpsPort()).isEqualTo(-1);
        assertThat(sites.insecureOriginsTreatedAsSecure()).isEqualTo(origins);
        assertThat(sites.chromiumArguments()).containsExactly(
                "--host-resolver-rules=" + sites.hostResolverRules(),
                "--unsafely-treat-insecure-origin-as-secure=" + origins);
    }

    @Test
    void refusesServeEntriesThatCannotWork() {
        assertThatThrownBy(() -> new ServeSpec("waimai.example:8080", root, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServeSpec("http://waimai.example", root, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSites.start(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalSites.start(List.of(new ServeSpec(SITE, root, false), new ServeSpec("Waimai.Example", root, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("served twice");
        assertThatThrownBy(() -> LocalSites.start(List.of(new ServeSpec(SITE, root.resolve("missing"), false))))
                .isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    private RawHttp.Response get(String host, String target) throws IOException {
        return RawHttp.get(sites.httpPort(), host, target);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
