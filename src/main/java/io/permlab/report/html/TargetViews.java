package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.UnknownCategoryException;
import io.permlab.model.Finding;
import io.permlab.model.Localized;
import io.permlab.model.Stage;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;
import io.permlab.report.html.TargetView.ClauseGroup;
import io.permlab.report.html.TargetView.ErrorView;
import io.permlab.report.html.TargetView.StageGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a target's section. Findings keep the order the pipeline gave them; the stage view lists all five stages in
 * enum order, the clause view lists clauses in the order they first appear in the stage view.
 */
final class TargetViews {
    private static final String MISSING = "—";

    private final KnowledgeBase knowledge;
    private final FindingGroups groups;
    private final SectionHtmls sections;

    TargetViews(KnowledgeBase knowledge, Screenshots screenshots) {
        this.knowledge = knowledge;
        this.groups = new FindingGroups(new FindingViews(knowledge, screenshots));
        this.sections = SectionHtmls.standard(knowledge, screenshots);
    }

    TargetView of(TargetResult result, String anchor) {
        Target t = result.target();
        List<StageGroup> stages = stages(result.findings(), anchor);
        List<SectionView> shown = result.evidence() == null ? List.of() : sections.of(result.evidence().sections());
        return new TargetView(anchor, t.id(), t.name(), t.kind().id(),
                t.location() == null ? MISSING : t.location().toString(), result.evidence() != null,
                category(t.categoryId()), shown.stream().map(SectionView::identity).filter(Objects::nonNull).findFirst().orElse(null),
                result.errors().stream().map(e -> new ErrorView(e.phase(), e.file() == null ? MISSING : e.file(), e.message())).toList(),
                result.findings().size(), SeverityLabels.count(result.findings()), stages,
                clauses(stages, anchor), shown, result.notInspected());
    }

    private List<StageGroup> stages(List<Finding> all, String anchor) {
        List<StageGroup> out = new ArrayList<>();
        int n = 1;
        for (Stage stage : Stage.values()) {
            List<Finding> inStage = all.stream().filter(f -> f.stage() == stage).toList();
            List<FindingGroupView> groups = this.groups.of(inStage, anchor, n);
            n += groups.size();
            out.add(new StageGroup(stage.id(), stage.label(), inStage.size(), groups));
        }
        return out;
    }

    private static List<ClauseGroup> clauses(List<StageGroup> stages, String anchor) {
        Map<String, List<FindingGroupView>> byCitation = new LinkedHashMap<>();
        Map<String, FindingView.LegalView> refs = new LinkedHashMap<>();
        for (StageGroup g : stages) {
            for (FindingGroupView f : g.groups()) {
                for (FindingView.LegalView ref : f.legalBasis()) {
                    byCitation.computeIfAbsent(ref.citation(), c -> new ArrayList<>()).add(f);
                    refs.putIfAbsent(ref.citation(), ref);
                }
            }
        }
        List<ClauseGroup> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<FindingGroupView>> e : byCitation.entrySet()) {
            FindingView.LegalView ref = refs.get(e.getKey());
            out.add(new ClauseGroup(anchor + "-c" + (++n), ref.cited(), ref.sourceName(), e.getValue()));
        }
        return out;
    }

    /** The category's names, or null when none was given; an id the knowledge base lacks is shown as it is. */
    private Localized category(String categoryId) {
        if (categoryId == null) {
            return null;
        }
        try {
            return knowledge.category(categoryId).label();
        } catch (UnknownCategoryException e) {
            return new Localized(categoryId, categoryId);
        }
    }
}
