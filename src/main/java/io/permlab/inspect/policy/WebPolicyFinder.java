package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds an H5 app's privacy policy from the page that asks for consent (its entry page) and the same-origin frames it
 * embeds (a consent sheet is often a frame): the links whose text or title names a policy ("隐私政策", "Privacy
 * Policy"), those inside a consent dialog first; the linked page is read and its text checked. A link on the page
 * that asks for consent (or in one of its frames) makes the policy reachable before consent. A page that only names
 * the policy (《隐私政策》 with nothing to open) has it unreachable; a page that neither links nor names one has none.
 * A link or frame that cannot be read (404, no network) leaves the policy not inspected, and so does content the
 * served HTML does not show: an element the page's script defines or a shadow root its script attaches (PermLab reads
 * the page as served, not the live DOM), when no link was found elsewhere.
 */
public final class WebPolicyFinder {
    /** Frames followed from the entry page (nested ones included): enough for a consent sheet, not a whole site. */
    static final int MAX_FRAMES = 5;
    /** Same-origin script files searched for attachShadow when no link was found. */
    static final int MAX_SCRIPTS = 10;
    private static final Pattern ATTACH_SHADOW = Pattern.compile("\\battachShadow\\s*\\(");
    /** Hyphenated names the HTML/SVG/MathML specs reserve: not custom elements (HTML, custom elements §4.13.2). */
    private static final Set<String> RESERVED = Set.of("annotation-xml", "color-profile", "font-face", "font-face-src",
            "font-face-uri", "font-face-format", "font-face-name", "missing-glyph");

    private final PolicyKnowledge knowledge;
    private final PolicyReader reader;

    public WebPolicyFinder(PolicyKnowledge knowledge) {
        this.knowledge = knowledge;
        this.reader = new PolicyReader(knowledge);
    }

    /** A page searched for the link: the entry page, or a frame of it ({@code frame} the iframe element that holds it). */
    private record Searched(String url, Document doc, List<String> scripts, Element frame) {
    }

    private record Candidate(Element link, Searched in) {
        boolean inDialog() {
            return WebPolicyFinder.inDialog(link) || (in.frame() != null && WebPolicyFinder.inDialog(in.frame()));
        }
    }

    public PrivacyPolicyFacts find(String entryUrl, PageFetcher fetcher) {
        PageFetcher.Page entry = fetcher.fetch(entryUrl);
        if (!entry.ok()) {
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, entryUrl, "page", null,
                    "the entry page could not be read: " + entry.problem());
        }
        List<Searched> pages = new ArrayList<>();
        List<String> unreadFrames = new ArrayList<>();
        pages.add(searched(entryUrl, entry.html(), null));
        followFrames(fetcher, pages, unreadFrames);

        List<Candidate> links = new ArrayList<>();
        for (Searched s : pages) {
            policyLinks(s.doc()).forEach(a -> links.add(new Candidate(a, s)));
        }
        // Stable: a dialog's link first, then the page's own before its frames'.
        links.sort(Comparator.comparing((Candidate c) -> !c.inDialog()));
        Optional<Candidate> link = links.stream().findFirst();
        if (link.isEmpty()) {
            if (!unreadFrames.isEmpty()) {
                return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, entryUrl, "page", null,
                        "no policy link on the page that asks for consent, but a frame it embeds could not be read ("
                                + String.join("; ", unreadFrames) + "); not inspected");
            }
            Optional<String> unseen = unseenContent(pages, fetcher);
            if (unseen.isPresent()) {
                // The link may be in content only the live page has: "not linked" or "missing" would be a guess.
                return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, entryUrl, "page", null,
                        "no policy link in the served HTML of the page that asks for consent, but " + unseen.get()
                                + ", which PermLab does not read (it reads the page as served, not the live page); not inspected");
            }
            String text = String.join(" ", pages.stream().map(s -> s.doc().body().text()).toList());
            if (knowledge.namesPolicy(text)) {
                return PrivacyPolicyFacts.without(PolicyStatus.NAMED_NOT_LINKED, entryUrl, "page", false,
                        "the page that asks for consent names a privacy policy but offers no link to it");
            }
            return PrivacyPolicyFacts.without(PolicyStatus.ABSENT, entryUrl, "page", false,
                    "the page that asks for consent neither links to nor names a privacy policy");
        }
        Element a = link.get().link();
        String url = a.absUrl("href");
        if (url.isEmpty()) {
            url = a.attr("href");
        }
        String from = link.get().in().frame() == null ? entryUrl : "the frame " + link.get().in().url() + " of " + entryUrl;
        String where = link.get().inDialog() ? "linked from the consent dialog of " + from : "linked from " + from;
        PageFetcher.Page policy = fetcher.fetch(url);
        if (!policy.ok()) {
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, url, "url", true,
                    where + "; not inspected: " + policy.problem());
        }
        return reader.read(PolicyText.fromHtml(policy.html(), url), url, "url", true, where);
    }

    /** The page parsed as a reader sees it; its inline scripts and script URLs kept aside for {@link #unseenContent}. */
    private static Searched searched(String url, String html, Element frame) {
        Document doc = Jsoup.parse(html, url);
        List<String> scripts = new ArrayList<>();
        for (Element s : doc.select("script")) {
            scripts.add(s.hasAttr("src") ? "src:" + s.absUrl("src") : s.data());
        }
        doc.select("script, style, noscript").remove();
        // A declarative shadow root is rendered content; any other template is not.
        doc.select("template:not([shadowrootmode]):not([shadowroot])").remove();
        return new Searched(url, doc, scripts, frame);
    }

    /** Follows the same-origin frames of the pages found so far (breadth first), reading them as the page was read. */
    private static void followFrames(PageFetcher fetcher, List<Searched> pages, List<String> unread) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(pages.get(0).url());
        for (int i = 0; i < pages.size(); i++) {
            Searched parent = pages.get(i);
            for (Element f : parent.doc().select("iframe[src], frame[src]")) {
                String src = f.absUrl("src");
                if (seen.size() > MAX_FRAMES || src.isEmpty() || !sameOrigin(src, pages.get(0).url()) || !seen.add(src)) {
                    continue;
                }
                PageFetcher.Page page = fetcher.fetch(src);
                if (page.ok()) {
                    // A nested frame's link counts as in a dialog when its outermost frame sits in one.
                    pages.add(searched(src, page.html(), parent.frame() != null ? parent.frame() : f));
                } else {
                    unread.add(src + ": " + page.problem());
                }
            }
        }
    }

    /**
     * Why the link could be in content the served HTML does not show: an element the page's script defines (a custom
     * element: its content is built at run time) or a shadow root its script attaches (inline or a same-origin file).
     */
    private Optional<String> unseenContent(List<Searched> pages, PageFetcher fetcher) {
        for (Searched s : pages) {
            for (Element e : s.doc().body().select("*")) {
                if (customElement(e) && e.children().stream().noneMatch(WebPolicyFinder::declarativeShadowRoot)) {
                    return Optional.of("it holds <" + e.normalName() + ">, an element its script defines (its content and any"
                            + " shadow root are built at run time)" + (s.frame() == null ? "" : " in the frame " + s.url()));
                }
            }
        }
        int files = 0;
        for (Searched s : pages) {
            for (String script : s.scripts()) {
                String code = script;
                if (script.startsWith("src:")) {
                    String src = script.substring(4);
                    if (src.isEmpty() || !sameOrigin(src, pages.get(0).url()) || ++files > MAX_SCRIPTS) {
                        continue;
                    }
                    PageFetcher.Page js = fetcher.fetch(src);
                    code = js.ok() ? js.html() : "";
                }
                if (ATTACH_SHADOW.matcher(code).find()) {
                    return Optional.of("its script attaches a shadow root"
                            + (script.startsWith("src:") ? " (" + script.substring(4) + ")" : "")
                            + (s.frame() == null ? "" : " in the frame " + s.url()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean declarativeShadowRoot(Element e) {
        return e.normalName().equals("template") && (e.hasAttr("shadowrootmode") || e.hasAttr("shadowroot"));
    }

    private static boolean customElement(Element e) {
        String name = e.normalName();
        if (!name.contains("-") || RESERVED.contains(name)) {
            return false;
        }
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("svg") || p.normalName().equals("math")) {
                return false;
            }
        }
        return true;
    }

    static boolean sameOrigin(String a, String b) {
        try {
            URI x = URI.create(a);
            URI y = URI.create(b);
            return x.getScheme() != null && x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost() != null
                    && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Links naming a policy, those inside a dialog first. */
    List<Element> policyLinks(Document page) {
        return page.select("a[href]").stream()
                .filter(a -> !a.attr("href").startsWith("javascript:") && !a.attr("href").equals("#"))
                .filter(a -> knowledge.namesPolicy(a.text() + " " + a.attr("title") + " " + a.attr("aria-label")))
                .sorted(Comparator.comparing((Element a) -> !inDialog(a)))
                .toList();
    }

    /** Inside a dialog: an ancestor with role dialog/alertdialog, a dialog element, or an id/class naming consent. */
    static boolean inDialog(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String role = p.attr("role").toLowerCase(Locale.ROOT);
            String names = (p.id() + " " + p.className()).toLowerCase(Locale.ROOT);
            if ("dialog".equals(p.normalName()) || role.equals("dialog") || role.equals("alertdialog")
                    || names.matches(".*(privacy|consent|agreement|dialog|modal).*")) {
                return true;
            }
        }
        return false;
    }
}
