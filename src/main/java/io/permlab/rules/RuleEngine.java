package io.permlab.rules;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Finding;
import io.permlab.model.Localized;
import io.permlab.model.ProcessingError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the rules that read the sections present, in their fixed order, over one target's evidence and turns violations into findings with the rule's
 * metadata. A rule that throws becomes a processing error on that target; the other rules still run.
 */
public final class RuleEngine {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final KnowledgeBase knowledge;
    private final List<Rule> rules;

    public RuleEngine(KnowledgeBase knowledge, List<Rule> rules) {
        this.knowledge = knowledge;
        this.rules = List.copyOf(rules);
        List<String> missing = rules.stream().map(Rule::id).filter(id -> knowledge.rule(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("rules without metadata in knowledge/rules.json: " + missing);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules that judge evidence with these sections, in the order they run. */
    public List<Rule> applicable(Set<Class<? extends EvidenceSection>> sections) {
        return rules.stream().filter(r -> sections.containsAll(r.reads())).toList();
    }

    public record Outcome(List<Finding> findings, List<ProcessingError> errors) {
    }

    /**
     * A target's verdict as reports show it: the rules run against the target's own category (none: the necessity
     * rules stay silent), findings most severe first, in rule order within a severity.
     */
    public Outcome judge(Evidence evidence) {
        String categoryId = evidence.target().categoryId();
        Outcome outcome = run(evidence, categoryId == null ? null : knowledge.category(categoryId));
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        return new Outcome(findings, outcome.errors());
    }

    public Outcome run(Evidence evidence, Category category) {
        List<Finding> findings = new ArrayList<>();
        List<ProcessingError> errors = new ArrayList<>();
        String targetId = evidence.target().id();
        for (Rule rule : applicable(evidence.sectionTypes())) {
            RuleContext ctx = new RuleContext(knowledge, category);
            try {
                rule.check(evidence, ctx);
            } catch (RuntimeException e) {
                errors.add(new ProcessingError(targetId, null, "rule " + rule.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            for (Violation v : ctx.violations()) {
                findings.add(toFinding(v, evidence));
            }
        }
        return new Outcome(findings, errors);
    }

    private Finding toFinding(Violation v, Evidence evidence) {
        RuleMeta meta = knowledge.rule(v.ruleId()).orElseThrow();
        Localized message = new Localized(fill(meta.message().zh(), v.args(), true), fill(meta.message().en(), v.args(), false));
        return new Finding(meta.id(), evidence.target().id(), v.severity() != null ? v.severity() : meta.severity(),
                meta.stage(), meta.title(), message, meta.legalBasis(), v.evidence(), fingerprint(meta.id(), evidence, v.key()));
    }

    static String fill(String template, Map<String, Localized> args, boolean zh) {
        return substitute(template, args, zh).trim();
    }

    /** The template with its {placeholders} replaced, white space kept (a fragment may start with ", "). */
    static String substitute(String template, Map<String, Localized> args, boolean zh) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Localized value = args.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("message placeholder {" + m.group(1) + "} has no value");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(zh ? value.zh() : value.en()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Same rule, same app, same key: same fingerprint, whatever the file name or run. */
    static String fingerprint(String ruleId, Evidence evidence, String key) {
        String app = evidence.appIdentity();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((ruleId + "|" + app + "|" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
