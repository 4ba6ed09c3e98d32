package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds a privacy policy shipped inside an APK: an HTML or text file under {@code assets/} whose name or text names a
 * policy. Most apps host their policy online: when the package holds none, the URLs of policy pages found in the
 * code's strings (classes*.dex, resources.arsc) are recorded, unfetched, and the policy is left not inspected —
 * "not in the package" is never "missing".
 */
public final class ApkPolicyFinder {
    /** Files larger than this are not a policy (and are not read into memory). */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final Pattern POLICY_FILE_NAME = Pattern.compile("(?i)(privacy|policy|yinsi|隐私|agreement|protocol|xieyi)");
    private static final Pattern URL = Pattern.compile("https?://[!#-~&&[^\"'<>\\\\]]{4,300}");
    private static final Pattern POLICY_URL = Pattern.compile("(?i)(privacy|policy|yinsi|agreement|protocol|xieyi|%E9%9A%90%E7%A7%81)");

    private final PolicyKnowledge knowledge;
    private final PolicyReader reader;

    public ApkPolicyFinder(PolicyKnowledge knowledge) {
        this.knowledge = knowledge;
        this.reader = new PolicyReader(knowledge);
    }

    public PrivacyPolicyFacts find(Path apk) throws IOException {
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            List<ZipEntry> assets = new ArrayList<>();
            Set<String> urls = new LinkedHashSet<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (e.isDirectory() || e.getSize() > MAX_FILE_BYTES) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("assets/") && (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".txt"))) {
                    assets.add(e);
                } else if (lower.matches("classes\\d*\\.dex") || lower.equals("resources.arsc")) {
                    urls.addAll(policyUrls(read(zip, e)));
                }
            }
            assets.sort((a, b) -> Boolean.compare(!POLICY_FILE_NAME.matcher(a.getName()).find(), !POLICY_FILE_NAME.matcher(b.getName()).find()));
            for (ZipEntry e : assets) {
                String text = new String(read(zip, e), StandardCharsets.UTF_8);
                PolicyDocument doc = e.getName().toLowerCase(Locale.ROOT).endsWith(".txt")
                        ? PolicyText.fromPlain(text) : PolicyText.fromHtml(text, "");
                if (knowledge.namesPolicy(doc.text()) || POLICY_FILE_NAME.matcher(e.getName()).find() && knowledge.namesPolicy(e.getName() + " " + doc.text())) {
                    return reader.read(doc, e.getName(), "asset", null, "a file in the package; whether the app shows it before asking for consent is seen only when it runs");
                }
            }
            if (!urls.isEmpty()) {
                return PrivacyPolicyFacts.without(PolicyStatus.NOT_FETCHED, urls.iterator().next(), "url", null,
                        "the policy is hosted online (URLs in the code: " + String.join(", ", urls)
                                + "); a static scan does not fetch it, so it is not inspected");
            }
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_IN_PACKAGE, apk.getFileName().toString(), "package", null,
                    "no policy file under assets/ and no policy URL in the code's strings; apps usually host their policy online, so this is not inspected, not missing");
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes((int) MAX_FILE_BYTES);
        }
    }

    /** URLs of policy pages among a binary's strings (dex strings are MUTF-8, arsc strings UTF-8 or UTF-16). */
    static List<String> policyUrls(byte[] bytes) {
        Set<String> out = new LinkedHashSet<>();
        scan(new String(bytes, StandardCharsets.ISO_8859_1), out);
        return List.copyOf(out);
    }

    private static void scan(String s, Set<String> out) {
        Matcher m = URL.matcher(s);
        while (m.find()) {
            String u = m.group();
            if (POLICY_URL.matcher(u).find()) {
                out.add(u);
            }
        }
    }
}
