package io.permlab.inspect.policy;

import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.policy.PolicyStatus;
import io.permlab.model.policy.PrivacyPolicyFacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a mini-program's privacy policy in its source folder: a page (.wxml) that names a policy and holds enough text
 * to be one. WeChat keeps a mini-program's 用户隐私保护指引 in its admin console and opens it with
 * {@code wx.openPrivacyContract} (base library 2.32.3+): when the package handles the privacy agreement that way and
 * ships no page of its own, the policy is not in the package and is not inspected.
 */
public final class MiniProgramPolicyFinder {
    /** A page shorter than this (in characters of text) is a consent dialog naming the policy, not the policy. */
    static final int MIN_POLICY_CHARS = 200;
    private static final Pattern PRIVACY_HANDLING = Pattern.compile(
            "openPrivacyContract|requirePrivacyAuthorize|onNeedPrivacyAuthorization|getPrivacySetting|agreePrivacyAuthorization|__usePrivacyCheck__");
    private static final int MAX_FILES = 5000;

    private final PolicyKnowledge knowledge;
    private final PolicyReader reader;

    public MiniProgramPolicyFinder(PolicyKnowledge knowledge) {
        this.knowledge = knowledge;
        this.reader = new PolicyReader(knowledge);
    }

    public PrivacyPolicyFacts find(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return PrivacyPolicyFacts.without(PolicyStatus.NOT_IN_PACKAGE, folder.getFileName().toString(), "package", null,
                    "a packed .wxapkg is not searched for a policy page; the privacy guide is kept by WeChat");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder, 12)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("miniprogram_npm"))
                    .filter(p -> p.toString().endsWith(".wxml") || p.toString().endsWith(".js") || p.toString().endsWith(".json"))
                    .filter(p -> sizeOf(p) <= ApkPolicyFinder.MAX_FILE_BYTES)
                    .limit(MAX_FILES).sorted(Comparator.comparing(Path::toString)).toList();
        }
        boolean handles = false;
        List<PolicyDocument> pages = new ArrayList<>();
        List<Path> pagePaths = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            handles |= PRIVACY_HANDLING.matcher(text).find();
            if (f.toString().endsWith(".wxml")) {
                PolicyDocument doc = PolicyText.fromHtml(text, "");
                if (doc.text().length() >= MIN_POLICY_CHARS && knowledge.namesPolicy(doc.text())) {
                    pages.add(doc);
                    pagePaths.add(f);
                }
            }
        }
        if (!pages.isEmpty()) {
            int best = 0;
            for (int i = 1; i < pages.size(); i++) {
                if (pages.get(i).text().length() > pages.get(best).text().length()) {
                    best = i;
                }
            }
            String rel = folder.relativize(pagePaths.get(best)).toString().replace('\\', '/');
            return reader.read(pages.get(best), rel, "page", null, handles
                    ? "a page of the package; the package handles WeChat's privacy agreement"
                    : "a page of the package; the package does not handle WeChat's privacy agreement");
        }
        return PrivacyPolicyFacts.without(PolicyStatus.NOT_IN_PACKAGE, folder.getFileName().toString(), "package", null, handles
                ? "no policy page in the package; the privacy agreement is handled through WeChat (wx.openPrivacyContract opens the guide kept in the admin console), which PermLab cannot read"
                : "no policy page and no handling of WeChat's privacy agreement in the package; the guide WeChat keeps is not inspected");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
