package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.RuleMeta;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.LegalRef;
import io.permlab.report.html.FindingView.LegalView;
import io.permlab.report.html.FindingView.PointerView;

/** Turns a finding into its view, adding the remediation its rule's metadata gives. */
final class FindingViews {
    private final KnowledgeBase knowledge;
    private final Screenshots screenshots;

    FindingViews(KnowledgeBase knowledge, Screenshots screenshots) {
        this.knowledge = knowledge;
        this.screenshots = screenshots;
    }

    FindingView of(Finding f, String anchor) {
        return new FindingView(anchor, f.ruleId(), f.severity().id(), SeverityLabels.of(f.severity()), f.title(),
                f.message(), f.legalBasis().stream().map(FindingViews::legal).toList(),
                knowledge.rule(f.ruleId()).map(RuleMeta::remediation).orElse(null),
                f.evidence().stream().map(this::pointer).toList(), orEmpty(f.fingerprint()));
    }

    static LegalView legal(LegalRef ref) {
        return new LegalView(ref.citation(), ref.cited(), ref.sourceName());
    }

    private PointerView pointer(EvidencePointer p) {
        return new PointerView(orEmpty(p.kind()), p.location(), orEmpty(p.symbol()), orEmpty(p.excerpt()), screenshots.dataUri(p.file()));
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
