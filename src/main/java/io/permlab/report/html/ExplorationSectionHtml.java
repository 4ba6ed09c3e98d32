package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.Exploration;

/** The runs of an exercised target, with their screenshots (exploration.ftlh). */
final class ExplorationSectionHtml implements SectionHtml<Exploration> {
    private final ExplorationViews views;

    ExplorationSectionHtml(KnowledgeBase knowledge, Screenshots screenshots) {
        this.views = new ExplorationViews(knowledge, screenshots);
    }

    @Override
    public Class<Exploration> type() {
        return Exploration.class;
    }

    @Override
    public SectionView view(Exploration section) {
        return new SectionView("exploration.ftlh", views.of(section), null);
    }
}
