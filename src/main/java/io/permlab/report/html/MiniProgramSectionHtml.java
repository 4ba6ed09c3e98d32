package io.permlab.report.html;

import io.permlab.model.miniprogram.MiniProgramFacts;

/** A mini-program's static facts: declarations, call sites, endpoints (miniprogram.ftlh). */
final class MiniProgramSectionHtml implements SectionHtml<MiniProgramFacts> {
    private final MiniProgramViews views = new MiniProgramViews();

    @Override
    public Class<MiniProgramFacts> type() {
        return MiniProgramFacts.class;
    }

    @Override
    public SectionView view(MiniProgramFacts section) {
        return new SectionView("miniprogram.ftlh", views.of(section), null);
    }
}
