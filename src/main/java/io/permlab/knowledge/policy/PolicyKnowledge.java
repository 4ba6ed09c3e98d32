package io.permlab.knowledge.policy;

import io.permlab.json.Fields;
import io.permlab.json.StrictJson;
import io.permlab.knowledge.SdkSignature;
import io.permlab.model.Localized;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What PermLab knows about privacy policies (knowledge/policy-elements.json): the words that name a policy link, the
 * elements a policy must have with the clause that requires each, the words that declare each PI kind, and the names
 * each SDK of sdks.json goes by in policies (docs/policy.md).
 */
public final class PolicyKnowledge {
    public static final String FILE = "policy-elements.json";

    /** One element a policy must have; present when every group of patterns has a match. */
    public record Element(String id, Localized label, Localized clause, List<List<Pattern>> groups) {
        public Element {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    private final List<String> linkTexts;
    private final List<Element> elements;
    private final Map<String, List<String>> piKeywords;
    private final Map<String, List<String>> sdkAliases;

    private PolicyKnowledge(List<String> linkTexts, List<Element> elements, Map<String, List<String>> piKeywords,
                            Map<String, List<String>> sdkAliases) {
        this.linkTexts = List.copyOf(linkTexts);
        this.elements = List.copyOf(elements);
        this.piKeywords = Map.copyOf(piKeywords);
        this.sdkAliases = Map.copyOf(sdkAliases);
    }

    /** The built-in file; a broken one is a defect of the build and fails loudly, naming the file and field. */
    public static PolicyKnowledge builtIn() {
        String name = "knowledge/" + FILE;
        try (InputStream in = PolicyKnowledge.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in knowledge file " + name + " is missing from the build");
            }
            return read(StrictJson.object(StrictJson.parse(in, name), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file's content; the knowledge loader gives it the --knowledge copy when there is one. */
    public static PolicyKnowledge read(Fields root) {
        List<Element> elements = new ArrayList<>();
        for (Fields o : root.objects("elements")) {
            String id = o.string("id");
            List<List<Pattern>> groups = new ArrayList<>();
            for (Fields g : o.objects("groups")) {
                List<Pattern> group = new ArrayList<>();
                for (String p : g.strings("any")) {
                    try {
                        group.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                    } catch (PatternSyntaxException ex) {
                        throw g.error("any", "bad pattern '" + p + "': " + ex.getDescription());
                    }
                }
                if (group.isEmpty()) {
                    throw g.error("any", "must list at least one pattern");
                }
                groups.add(group);
            }
            if (groups.isEmpty()) {
                throw o.error("groups", "must list at least one group");
            }
            Fields clause = o.object("clause");
            elements.add(new Element(id, new Localized(o.string("zh"), o.string("en")),
                    new Localized(clause.string("zh"), clause.string("en")), groups));
        }
        return new PolicyKnowledge(root.strings("linkTexts"), elements, map(root.object("piKeywords")), map(root.object("sdkAliases")));
    }

    private static Map<String, List<String>> map(Fields o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : o.keys()) {
            out.put(key, o.strings(key));
        }
        return out;
    }

    /** Texts that name a link to the policy ("隐私政策", "Privacy Policy"). */
    public List<String> linkTexts() {
        return linkTexts;
    }

    /** Whether a link text or title names a privacy policy. */
    public boolean namesPolicy(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return linkTexts.stream().anyMatch(k -> t.contains(k.toLowerCase(Locale.ROOT)));
    }

    public List<Element> elements() {
        return elements;
    }

    /** The words that declare a PI kind in a policy; empty for a kind the file does not list. */
    public List<String> piKeywords(String piKind) {
        return piKeywords.getOrDefault(piKind, List.of());
    }

    /**
     * Every name an SDK goes by in a policy: the aliases of this file, its id, and the parts of its sdks.json name
     * ("Umeng analytics/push (友盟)" gives "Umeng" and "友盟").
     */
    public List<String> sdkNames(SdkSignature sdk) {
        Set<String> names = new LinkedHashSet<>(sdkAliases.getOrDefault(sdk.id(), List.of()));
        String name = sdk.name();
        int open = name.indexOf('(');
        if (open > 0 && name.indexOf(')', open) > open) {
            names.add(name.substring(open + 1, name.indexOf(')', open)).trim());
            name = name.substring(0, open);
        }
        String brand = name.trim().split("[\\s/]+")[0];
        if (brand.length() >= 3) {
            names.add(brand);
        }
        return List.copyOf(names);
    }

    /** Whether {@code text} mentions {@code word}: ASCII words at word boundaries, Chinese anywhere, case ignored. */
    public static boolean mentions(String text, String word) {
        if (word.isBlank()) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String w = word.toLowerCase(Locale.ROOT);
        if (!w.chars().allMatch(c -> c < 128)) {
            return t.contains(w);
        }
        int from = 0;
        while (true) {
            int i = t.indexOf(w, from);
            if (i < 0) {
                return false;
            }
            int end = i + w.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) >= 128;
            boolean after = end >= t.length() || !Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) >= 128;
            if (before && after) {
                return true;
            }
            from = i + 1;
        }
    }
}
