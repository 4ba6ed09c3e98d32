package io.permlab.pipeline.policy;

import io.permlab.inspect.policy.PageFetcher;
import io.permlab.inspect.policy.WebPolicyFinder;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.model.policy.PolicyElement;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.pipeline.BatchListener;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetPipeline;
import io.permlab.pipeline.TargetSpec;
import io.permlab.pipeline.site.ServeSpec;
import io.permlab.pipeline.site.SiteFiles;
import io.permlab.rules.RuleEngine;
import io.permlab.rules.policy.PolicyRules;
import io.permlab.testsupport.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy stages on real inputs: the H5 samples' served folders (the consent dialog's link followed to
 * policy.html), a served site whose policy link answers 404, the sample APKs built from smali with their
 * assets/privacy.html, and a real third-party APK from npm (ApiDemos) that ships no policy.
 */
class PolicyStagesTest {
    private static final Path HOME = Path.of(System.getProperty("permlab.home", ".")).toAbsolutePath();
    private static final KnowledgeBase KB = KnowledgeBase.builtIn();
    private static final PolicyKnowledge POLICY = PolicyKnowledge.builtIn();

    @TempDir
    Path tmp;

    private TargetResult h5(String app) {
        List<TargetSpec> specs = new TargetLoader(KB, null, java.util.EnumSet.of(io.permlab.model.TargetKind.H5)).load(List.of(HOME.resolve("apps").resolve(app)));
        TargetPipeline pipeline = new TargetPipeline(List.of(), List.of(new WebPolicyStage(POLICY)), true, new RuleEngine(KB, PolicyRules.all()));
        TargetResult r = pipeline.run(specs.get(0), tmp.resolve("work"));
        assertThat(r.errors()).as("processing errors").isEmpty();
        return r;
    }

    private static PrivacyPolicyFacts policyOf(TargetResult r) {
        return r.evidence().section(PrivacyPolicyFacts.class).orElseThrow();
    }

    private static List<String> policyFindings(TargetResult r) {
        return r.findings().stream().map(Finding::ruleId).filter(id -> id.startsWith("POLICY-")).toList();
    }

    @Test
    void theNonCompliantH5SampleLinksAPolicyFromItsConsentDialogThatLacksRetentionAndAComplaintChannel() {
        TargetResult r = h5("demo-delivery");
        PrivacyPolicyFacts p = policyOf(r);

        assertThat(p.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(p.source()).isEqualTo("http://waimai.example/policy.html");
        assertThat(p.reachableBeforeConsent()).isTrue();
        assertThat(p.note()).contains("consent dialog");
        assertThat(p.elements().stream().filter(e -> !e.present()).map(PolicyElement::id)).containsExactlyInAnyOrder("retention", "complaint_channel");
        assertThat(policyFindings(r)).containsExactly("POLICY-ELEMENT-MISSING", "POLICY-ELEMENT-MISSING");
    }

    @Test
    void theCompliantH5TwinsPolicyHasEveryElement() {
        TargetResult r = h5("demo-delivery-compliant");

        assertThat(policyOf(r).status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(policyOf(r).source()).isEqualTo("https://waimai-compliant.example/policy.html");
        assertThat(policyOf(r).elements()).allMatch(PolicyElement::present);
        assertThat(policyFindings(r)).isEmpty();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void aPolicyLinkThatAnswers404IsNotInspectedNotMissing() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<div role=\"dialog\"><p>请阅读<a href=\"/legal/privacy.html\">《隐私政策》</a></p>"
                + "<button>同意</button></div>");
        WebPages pages = new WebPages(new SiteFiles(List.of(new ServeSpec("shop.example", site, false))));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("http://shop.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.NOT_FETCHED);
        assertThat(p.source()).isEqualTo("http://shop.example/legal/privacy.html");
        assertThat(p.reachableBeforeConsent()).isTrue();
        assertThat(p.note()).contains("404");
        assertThat(judge(p)).isEmpty();
    }

    @Test
    void aPageThatNamesThePolicyWithoutALinkHasItUnreachableAndOneThatDoesNotNameItHasNone() {
        PageFetcher named = url -> PageFetcher.Page.of("<div class=\"privacy-dialog\"><p>请阅读并同意《某某隐私政策》。</p><button>同意</button></div>");
        PageFetcher nothing = url -> PageFetcher.Page.of("<div class=\"dialog\"><p>欢迎使用！</p><button>同意</button></div>");
        WebPolicyFinder finder = new WebPolicyFinder(POLICY);

        assertThat(judge(finder.find("http://a.example/", named))).containsExactly("POLICY-UNREACHABLE-BEFORE-CONSENT");
        assertThat(judge(finder.find("http://a.example/", nothing))).containsExactly("POLICY-MISSING");
    }

    @Test
    void anEntryPageThatCannotBeReadLeavesThePolicyNotInspected() {
        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("http://a.example/", url -> PageFetcher.Page.failed("connection refused"));

        assertThat(p.status()).isEqualTo(PolicyStatus.NOT_FETCHED);
        assertThat(judge(p)).isEmpty();
    }

    @Test
    void aLinkInsideTheConsentDialogIsPreferredToOneInTheFooter() {
        Map<String, String> pages = Map.of(
                "http://a.example/", "<footer><a href=\"/old-privacy.html\">隐私政策（旧版）</a></footer>"
                        + "<div id=\"consent\"><a href=\"/privacy.html\">《隐私政策》</a></div>",
                "http://a.example/privacy.html", "<p>本应用由某某有限公司运营。</p>");
        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("http://a.example/",
                url -> pages.containsKey(url) ? PageFetcher.Page.of(pages.get(url)) : PageFetcher.Page.failed("HTTP 404"));

        assertThat(p.source()).isEqualTo("http://a.example/privacy.html");
    }

    /** A served site written to a temporary folder, read the way the stage reads it. */
    private WebPages served(String host, Map<String, String> files) throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site-" + host));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(site.resolve(f.getKey()), f.getValue());
        }
        return new WebPages(new SiteFiles(List.of(new ServeSpec(host, site, true))));
    }

    private static final String POLICY_PAGE = "<h1>隐私政策</h1><p>本应用由某某有限公司运营。</p>";

    @Test
    void aPolicyLinkedFromASameOriginConsentFrameIsFoundAndReachableBeforeConsent() throws IOException {
        WebPages pages = served("book.example", Map.of(
                "index.html", "<h1>书香</h1><a id=\"book\" href=\"#\">第一章</a><iframe id=\"cf\" src=\"consent.html\"></iframe>",
                "consent.html", "<p>请阅读并同意<a href=\"policy.html\" target=\"_top\">《隐私政策》</a></p><button>不同意</button><button>同意</button>",
                "policy.html", POLICY_PAGE));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://book.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(p.source()).isEqualTo("https://book.example/policy.html");
        assertThat(p.text()).contains("某某有限公司");
        assertThat(p.reachableBeforeConsent()).isTrue();
        assertThat(p.note()).contains("https://book.example/consent.html");
        assertThat(judge(p)).doesNotContain("POLICY-MISSING", "POLICY-UNREACHABLE-BEFORE-CONSENT");
    }

    @Test
    void aFrameOnAnotherOriginIsNotFollowed() {
        Map<String, String> fetched = new java.util.HashMap<>();
        PageFetcher web = url -> {
            fetched.put(url, url);
            return url.startsWith("https://a.example/")
                    ? PageFetcher.Page.of("<p>欢迎</p><iframe src=\"https://ads.example/banner.html\"></iframe>")
                    : PageFetcher.Page.of("<a href=\"/privacy.html\">隐私政策</a>");
        };

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://a.example/", web);

        assertThat(fetched).doesNotContainKey("https://ads.example/banner.html");
        assertThat(p.status()).isEqualTo(PolicyStatus.ABSENT);
    }

    @Test
    void aSameOriginFrameThatCannotBeReadLeavesThePolicyNotInspectedNotMissing() throws IOException {
        WebPages pages = served("book.example", Map.of(
                "index.html", "<h1>书香</h1><iframe src=\"consent.html\"></iframe>"));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://book.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.NOT_FETCHED);
        assertThat(p.note()).contains("https://book.example/consent.html").contains("404");
        assertThat(judge(p)).isEmpty();
    }

    @Test
    void aConsentSheetThatScriptBuildsInAShadowRootLeavesThePolicyNotInspectedRatherThanUnlinked() throws IOException {
        // The page names the policy outside the sheet; the link lives only in the shadow root the script attaches.
        WebPages pages = served("video.example", Map.of(
                "index.html", "<h1>闪映</h1><p>同意隐私政策后方可观看</p><privacy-sheet></privacy-sheet><script>"
                        + "class S extends HTMLElement{connectedCallback(){const r=this.attachShadow({mode:'open'});"
                        + "r.innerHTML='<a href=\"policy.html\">《隐私政策》</a><button>同意</button>';}}"
                        + "customElements.define('privacy-sheet',S);</script>",
                "policy.html", POLICY_PAGE));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://video.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.NOT_FETCHED);
        assertThat(p.reachableBeforeConsent()).isNull();
        assertThat(p.note()).contains("shadow root");
        assertThat(judge(p)).isEmpty();
    }

    @Test
    void aShadowRootAttachedByASameOriginScriptFileAlsoLeavesThePolicyNotInspected() throws IOException {
        WebPages pages = served("video.example", Map.of(
                "index.html", "<p>请先阅读并同意隐私政策</p><div id=\"sheet\"></div><script src=\"sheet.js\"></script>",
                "sheet.js", "document.getElementById('sheet').attachShadow({mode:'open'}).innerHTML='<a href=\"p.html\">隐私政策</a>';"));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://video.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.NOT_FETCHED);
        assertThat(judge(p)).isEmpty();
    }

    @Test
    void aLinkInADeclarativeShadowRootIsFound() throws IOException {
        WebPages pages = served("video.example", Map.of(
                "index.html", "<privacy-sheet><template shadowrootmode=\"open\"><div role=\"dialog\">"
                        + "<a href=\"policy.html\">《隐私政策》</a><button>同意</button></div></template></privacy-sheet>",
                "policy.html", POLICY_PAGE));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://video.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(p.source()).isEqualTo("https://video.example/policy.html");
        assertThat(p.reachableBeforeConsent()).isTrue();
    }

    @Test
    void aPageWithScriptsButNoShadowRootsAndNoPolicyStillHasNone() throws IOException {
        // Scripts alone do not make a page unreadable: only content PermLab cannot see does.
        WebPages pages = served("tool.example", Map.of(
                "index.html", "<div class=\"dialog\"><p>欢迎使用！</p><button id=\"ok\">同意</button></div>"
                        + "<script>document.getElementById('ok').onclick=()=>{};</script><script src=\"app.js\"></script>",
                "app.js", "console.log('ready');"));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://tool.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.ABSENT);
        assertThat(judge(p)).containsExactly("POLICY-MISSING");
    }

    @Test
    void aPlainLinkOnTheConsentPageIsStillFound() throws IOException {
        WebPages pages = served("shop.example", Map.of(
                "index.html", "<div role=\"dialog\"><a href=\"policy.html\">隐私政策</a><button>同意</button></div>",
                "policy.html", POLICY_PAGE));

        PrivacyPolicyFacts p = new WebPolicyFinder(POLICY).find("https://shop.example/index.html", pages);

        assertThat(p.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(p.source()).isEqualTo("https://shop.example/policy.html");
        assertThat(p.note()).isEqualTo("linked from the consent dialog of https://shop.example/index.html");
    }

    private static List<String> judge(PrivacyPolicyFacts p) {
        io.permlab.model.Target t = new io.permlab.model.Target("t", "t", io.permlab.model.TargetKind.H5, Path.of("t"), null, List.of());
        return new RuleEngine(KB, PolicyRules.all()).run(io.permlab.model.Evidence.of(t, p), null).findings().stream().map(Finding::ruleId).toList();
    }

    private RunResult scan(Path... paths) {
        return Scans.scan(List.of(paths), null, tmp.resolve("scan"), "test", BatchListener.NONE);
    }

    private static List<Finding> policyFindings(RunResult run, String rule) {
        return run.targets().get(0).findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    @Test
    void theNonCompliantApkSamplesPolicyOmitsTheAnalyticsSdkButNamesAMapByItsChineseName() {
        RunResult run = scan(HOME.resolve("apps/demo-delivery-android"));
        PrivacyPolicyFacts p = policyOf(run.targets().get(0));

        assertThat(p.status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(p.source()).isEqualTo("assets/privacy.html");
        assertThat(p.reachableBeforeConsent()).isNull();
        assertThat(policyFindings(run, "POLICY-UNDECLARED-SDK")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("Umeng"));
        assertThat(policyFindings(run, "POLICY-UNDECLARED-PERMISSION")).map(f -> f.message().en())
                .hasSize(3).anyMatch(m -> m.contains("READ_PHONE_STATE")).anyMatch(m -> m.contains("READ_CONTACTS"))
                .anyMatch(m -> m.contains("ACCESS_BACKGROUND_LOCATION"));
        assertThat(policyFindings(run, "POLICY-ELEMENT-MISSING")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("complaint channel"));
    }

    @Test
    void theCompliantApkTwinsPolicyDeclaresEverythingItDoes() {
        RunResult run = scan(HOME.resolve("apps/demo-delivery-android-compliant"));

        assertThat(policyOf(run.targets().get(0)).status()).isEqualTo(PolicyStatus.FOUND);
        assertThat(run.targets().get(0).findings()).noneMatch(f -> f.ruleId().startsWith("POLICY-"));
    }

    @Test
    void aRealThirdPartyApkWithoutAPolicyInItsPackageIsNotInspectedAndHasNoPolicyFinding() {
        Path apiDemos = HOME.resolve("node_modules/android-apidemos/apks/ApiDemos-debug.apk");
        RunResult run = scan(apiDemos);
        PrivacyPolicyFacts p = policyOf(run.targets().get(0));

        assertThat(p.status()).isIn(PolicyStatus.NOT_IN_PACKAGE, PolicyStatus.NOT_FETCHED);
        assertThat(p.text()).isNull();
        assertThat(run.targets().get(0).findings()).noneMatch(f -> f.ruleId().startsWith("POLICY-"));
    }
}
