package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds an H5 app's privacy policy from the page that asks for consent (its entry page): the links whose text or
 * title names a policy ("隐私政策", "Privacy Policy"), those inside a consent dialog first; the linked page is read and
 * its text checked. A link on the page that asks for consent makes the policy reachable before consent. A page that
 * only names the policy (《隐私政策》 with nothing to open) has it unreachable; a page that neither links nor names one
 * has none. A link that cannot be read (404, no network) leaves the policy not inspected.
 */
public final class WebPolicyFinder {
    private final PolicyKnowledge knowledge;
    private final PolicyReader reader;

    public WebPolicyFinder(PolicyKnowledge knowledge) {
        this.knowledge = knowledge;
        this.reader = new PolicyReader(knowledge);
    }

    public PrivacyPolicyFacts find(String entryUrl, PageFetcher fetcher) {
        PageFetcher.Page entry = fetcher.fetch(entryUrl);
        if (!entry.ok()) {
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, entryUrl, "page", null,
                    "the entry page could not be read: " + entry.problem());
        }
        Document page = Jsoup.parse(entry.html(), entryUrl);
        page.select("script, style, template, noscript").remove();
        Optional<Element> link = policyLinks(page).stream().findFirst();
        if (link.isEmpty()) {
            if (knowledge.namesPolicy(page.body().text())) {
                return PrivacyPolicyFacts.without(PolicyStatus.NAMED_NOT_LINKED, entryUrl, "page", false,
                        "the page that asks for consent names a privacy policy but offers no link to it");
            }
            return PrivacyPolicyFacts.without(PolicyStatus.ABSENT, entryUrl, "page", false,
                    "the page that asks for consent neither links to nor names a privacy policy");
        }
        String url = link.get().absUrl("href");
        if (url.isEmpty()) {
            url = link.get().attr("href");
        }
        String where = inDialog(link.get()) ? "linked from the consent dialog of " + entryUrl : "linked from " + entryUrl;
        PageFetcher.Page policy = fetcher.fetch(url);
        if (!policy.ok()) {
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, url, "url", true,
                    where + "; not inspected: " + policy.problem());
        }
        return reader.read(PolicyText.fromHtml(policy.html(), url), url, "url", true, where);
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
