package io.permlab.capture.security;

import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.RawRun;
import io.permlab.model.dynamic.WebSecurityFlaw;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The boundaries of the traffic checks, on exchanges shaped as NetworkRecorder builds them from DevTools (headers as
 * Chromium names them; real Chromium traffic is in it.dynamic.WebSecurityRunTest): which cookies matter, which
 * attributes count, what is a page, and which tags load a subresource.
 */
class WebSecurityScanTest {
    private static int ids;

    private static RawRun.TimedExchange exchange(String url, List<Header> request, String mime, String body, List<Header> response) {
        return new RawRun.TimedExchange(new ObservedExchange("r" + ids++, Instant.EPOCH, 1, "GET", url, "HTTP/1.1", request, null,
                200, "OK", response, mime, body, false, 10, false, null), 0, 0);
    }

    private static RawRun.TimedExchange page(String url, String html, String... setCookies) {
        List<Header> response = new ArrayList<>();
        for (String c : setCookies) {
            response.add(new Header("set-cookie", c));
        }
        return exchange(url, List.of(new Header("Sec-Fetch-Dest", "document")), "text/html", html, response);
    }

    @Test
    void cookiesMatterWhenTheyHoldASessionOrPiAndLackAnAttribute() {
        List<WebSecurityFlaw> flaws = WebSecurityScan.scan(List.of(page("https://a.example/", "",
                "JSESSIONID=1; Path=/", "user_token=x; Secure", "phone=13812345678; HttpOnly", "theme=dark",
                "sid=2; path=/; secure; httponly", "cart=3; Secure; HttpOnly")));
        assertThat(flaws).extracting(WebSecurityFlaw::subject, WebSecurityFlaw::detail, WebSecurityFlaw::reason).containsExactly(
                tuple("JSESSIONID", "Secure, HttpOnly", "session"),
                tuple("user_token", "HttpOnly", "session"),
                tuple("phone", "Secure", "MOBILE_PHONE"));
    }

    @Test
    void cookiesSetOverHttpAreNotThisRulesAffair() {
        assertThat(WebSecurityScan.scan(List.of(page("http://a.example/", "", "JSESSIONID=1")))).isEmpty();
    }

    @Test
    void httpRequestsAfterAnHttpsPageAreMixedContentButNotAfterAnHttpPage() {
        List<WebSecurityFlaw> flaws = WebSecurityScan.scan(List.of(
                page("https://a.example/", "<p>hi</p>"),
                exchange("http://cdn.example/x.js", List.of(), "application/javascript", "", List.of()),
                page("http://b.example/", "<p>plain</p>"),
                exchange("http://cdn.example/y.js", List.of(), "application/javascript", "", List.of())));
        assertThat(flaws).extracting(WebSecurityFlaw::subject, WebSecurityFlaw::detail, WebSecurityFlaw::pageUrl)
                .containsExactly(tuple("http://cdn.example/x.js", "loaded", "https://a.example/"));
    }

    @Test
    void withoutFetchMetadataAPageIsHtmlAskedForAsHtml() {
        RawRun.TimedExchange old = exchange("https://a.example/", List.of(new Header("Accept", "text/html,application/xhtml+xml")),
                "text/html", "<img src=http://cdn.example/p.png>", List.of());
        assertThat(WebSecurityScan.scan(List.of(old))).extracting(WebSecurityFlaw::subject).containsExactly("http://cdn.example/p.png");
        RawRun.TimedExchange xhr = exchange("https://a.example/part", List.of(new Header("Accept", "*/*")),
                "text/html", "<img src=http://cdn.example/p.png>", List.of());
        assertThat(WebSecurityScan.scan(List.of(xhr))).isEmpty();
    }

    @Test
    void subresourcesAreWhatThePageLoadsNotWhereItLinks() {
        String html = "<script src=\"http://cdn.example/a.js\"></script><IMG SRC='http://cdn.example/b.png'>"
                + "<link rel=\"stylesheet\" href=\"http://cdn.example/c.css\"><link rel=\"canonical\" href=\"http://a.example/\">"
                + "<iframe src=\"http://ads.example/f\"></iframe><a href=\"http://elsewhere.example/\">x</a>"
                + "<script src=\"https://cdn.example/safe.js\"></script><img src=\"/local.png\">";
        assertThat(InsecureSubresources.in(html)).containsExactly("http://cdn.example/a.js", "http://cdn.example/b.png",
                "http://cdn.example/c.css", "http://ads.example/f");
    }
}
