package io.permlab.inspect.policy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text extraction from a policy with a real HTML parser (jsoup): scripts, styles and templates are dropped, block
 * elements (sections, paragraphs, list items, table cells, headings) end a line, and lines are cut into sentences at
 * Chinese and English sentence ends, so that an element's evidence is one readable sentence.
 */
public final class PolicyText {
    /** Chinese full stops, question and exclamation marks and semicolons end a sentence; so do ". " "? " "! " "; ". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；])|(?<=[.!?;])\\s+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

    private PolicyText() {
    }

    /** @param baseUri the page's URL, to resolve its relative links; may be empty */
    public static PolicyDocument fromHtml(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        doc.select("script, style, template, noscript, head").remove();
        StringBuilder out = new StringBuilder();
        Element body = doc.body();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || "br".equals(e.normalName()))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        });
        Set<String> hosts = new LinkedHashSet<>();
        for (Element a : body.select("a[href]")) {
            String host = hostOf(a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"));
            if (host != null) {
                hosts.add(host);
            }
        }
        return document(out.toString(), List.copyOf(hosts));
    }

    /** A policy kept as plain text (an asset .txt). */
    public static PolicyDocument fromPlain(String text) {
        return document(text, List.of());
    }

    private static PolicyDocument document(String raw, List<String> hosts) {
        List<String> sentences = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : raw.split("\n")) {
            String l = SPACES.matcher(line).replaceAll(" ").trim();
            if (l.isEmpty()) {
                continue;
            }
            text.append(l).append('\n');
            for (String s : SENTENCE_END.split(l)) {
                if (!s.isBlank()) {
                    sentences.add(s.trim());
                }
            }
        }
        return new PolicyDocument(text.toString().trim(), sentences, hosts);
    }

    static String hostOf(String url) {
        try {
            URI u = URI.create(url.trim());
            return u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
