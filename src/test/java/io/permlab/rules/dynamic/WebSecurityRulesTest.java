package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.WebSecurityFlaw;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two rules over the security flaws runs recorded (the flaws themselves come from real Chromium traffic in
 * it.dynamic.WebSecurityRunTest and from WebSecurityScanTest): one finding per cookie or URL across runs, none from
 * an inconclusive run, the detail in both languages.
 */
class WebSecurityRulesTest {
    private static final WebSecurityFlaw SESSION = new WebSecurityFlaw(WebSecurityFlaw.Kind.INSECURE_COOKIE, "sid", "Secure, HttpOnly",
            "session", "https://waimai.example/index.html", "r1", 0);
    private static final WebSecurityFlaw PHONE_COOKIE = new WebSecurityFlaw(WebSecurityFlaw.Kind.INSECURE_COOKIE, "contact", "HttpOnly",
            "MOBILE_PHONE", "https://waimai.example/index.html", "r1", 0);
    private static final WebSecurityFlaw SCRIPT = new WebSecurityFlaw(WebSecurityFlaw.Kind.MIXED_CONTENT, "http://cdn.example/a.js", "html",
            "", "https://waimai.example/index.html", "r1", 0);
    private static final WebSecurityFlaw API = new WebSecurityFlaw(WebSecurityFlaw.Kind.MIXED_CONTENT, "http://api.example/x", "failed",
            "net::ERR_BLOCKED_BY_CLIENT", "https://waimai.example/index.html", "r2", 1);

    @Test
    void oneCookieFindingPerNameAcrossRunsWithItsReasonInBothLanguages() {
        Run baseline = Runs.withFlaws(Runs.baseline().build(), SESSION, PHONE_COOKIE, SCRIPT);
        Run refused = Runs.withFlaws(Runs.denied("geolocation").build(), SESSION);
        List<Finding> findings = Runs.findings(new InsecureCookieRule(), Runs.exploration(baseline, refused), null);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).message().en()).contains("'sid'", "without Secure, HttpOnly (a session cookie)");
        assertThat(findings.get(0).message().zh()).contains("「sid」", "缺少 Secure、HttpOnly（会话 Cookie）");
        assertThat(findings.get(1).message().en()).contains("'contact'", "without HttpOnly (carries ");
        assertThat(findings.get(1).message().zh()).contains("缺少 HttpOnly（含");
        assertThat(findings.get(0).evidence()).as("one pointer into each run that set it")
                .extracting(p -> p.run() + " " + p.file().substring(p.file().lastIndexOf('/') + 1))
                .containsExactly("add-address-grant traffic.har", "add-address-deny-geolocation traffic.har");
        assertThat(findings.get(0).message().en()).endsWith("Seen in '新增收货地址' (add-address: grant, deny-geolocation).");
    }

    @Test
    void mixedContentOncePerUrlWithHowItWasSeen() {
        Run baseline = Runs.withFlaws(Runs.baseline().build(), SCRIPT, API);
        Run again = Runs.withFlaws(Runs.approximate().build(), SCRIPT);
        List<Finding> findings = Runs.findings(new MixedContentRule(), Runs.exploration(baseline, again), null);
        assertThat(findings).extracting(f -> f.message().en()).satisfiesExactly(
                m -> assertThat(m).contains("http://cdn.example/a.js", "referenced by the page's HTML"),
                m -> assertThat(m).contains("http://api.example/x", "not loaded: net::ERR_BLOCKED_BY_CLIENT"));
        assertThat(findings.get(0).message().zh()).contains("页面 HTML 中引用");
    }

    @Test
    void anInconclusiveRunIsNotJudged() {
        Run cutShort = Runs.withFlaws(Runs.baseline().inconclusive("browser-crash").build(), SESSION, SCRIPT);
        assertThat(Runs.findings(new InsecureCookieRule(), Runs.exploration(cutShort), null)).isEmpty();
        assertThat(Runs.findings(new MixedContentRule(), Runs.exploration(cutShort), null)).isEmpty();
    }

    @Test
    void runsWithoutFlawsAreClean() {
        assertThat(Runs.findings(new InsecureCookieRule(), Runs.exploration(Runs.baseline().build()), null)).isEmpty();
        assertThat(Runs.findings(new MixedContentRule(), Runs.exploration(Runs.baseline().build()), null)).isEmpty();
    }
}
