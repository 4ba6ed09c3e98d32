package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.EvidenceSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTML view of each evidence section type; a section without one is not summarized (its findings still show). */
final class SectionHtmls {
    private final Map<Class<? extends EvidenceSection>, SectionHtml<?>> views = new LinkedHashMap<>();

    static SectionHtmls standard(KnowledgeBase knowledge, Screenshots screenshots) {
        return new SectionHtmls()
                .register(new ApkSectionHtml(knowledge))
                .register(new MiniProgramSectionHtml())
                .register(new ExplorationSectionHtml(knowledge, screenshots))
                .register(new PolicySectionHtml())
                .register(new DeviceSectionHtml())
                .register(new DeviceCaptureSectionHtml());
    }

    SectionHtmls register(SectionHtml<?> view) {
        views.put(view.type(), view);
        return this;
    }

    List<SectionView> of(Iterable<EvidenceSection> sections) {
        List<SectionView> out = new ArrayList<>();
        for (EvidenceSection s : sections) {
            SectionHtml<?> view = views.get(s.getClass());
            if (view != null) {
                out.add(render(view, s));
            }
        }
        return out;
    }

    private static <T extends EvidenceSection> SectionView render(SectionHtml<T> view, EvidenceSection s) {
        return view.view(view.type().cast(s));
    }
}
