package io.permlab.report.campaign;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Severity;
import io.permlab.model.Stage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One app's line of the campaign report: its counts by severity and stage, the clauses its findings rest on, and its
 * problems worded as inspection notices word them ("存在……问题"), each with where its evidence is.
 */
public record AppSummary(CampaignEntry entry, String category, Map<Severity, Integer> bySeverity, Map<Stage, Integer> byStage,
                         List<String> clauses, List<Problem> problems, int errors) {

    /** One problem of the notice: the sentence, the rule, the severity and the evidence pointers. */
    public record Problem(String text, String ruleId, Severity severity, String evidence) {
    }

    public static AppSummary of(CampaignEntry e, KnowledgeBase knowledge) {
        Map<Severity, Integer> sev = new EnumMap<>(Severity.class);
        Map<Stage, Integer> stage = new EnumMap<>(Stage.class);
        for (Severity s : Severity.values()) {
            sev.put(s, 0);
        }
        for (Stage s : Stage.values()) {
            stage.put(s, 0);
        }
        TreeSet<String> clauses = new TreeSet<>();
        List<Problem> problems = new ArrayList<>();
        List<Finding> findings = e.result() == null ? List.of() : e.result().findings();
        for (Finding f : findings) {
            sev.merge(f.severity(), 1, Integer::sum);
            stage.merge(f.stage(), 1, Integer::sum);
            f.legalBasis().forEach(l -> clauses.add(l.citation()));
            problems.add(new Problem("存在" + f.title().zh() + "问题", f.ruleId(), f.severity(), pointers(f.evidence())));
        }
        String category = e.categoryId() != null ? knowledge.category(e.categoryId()).zh()
                : e.result() != null && e.result().target().categoryId() != null ? knowledge.category(e.result().target().categoryId()).zh() : "";
        return new AppSummary(e, category, sev, stage, List.copyOf(clauses), problems, e.result() == null ? 0 : e.result().errors().size());
    }

    public int findings() {
        return problems.size();
    }

    private static String pointers(List<EvidencePointer> evidence) {
        List<String> out = new ArrayList<>();
        for (EvidencePointer p : evidence) {
            String where = p.location();
            String what = p.symbol() != null && !where.equals(p.symbol()) ? where + " " + p.symbol() : where;
            out.add(p.kind() + ": " + what);
        }
        return String.join("; ", out);
    }
}
