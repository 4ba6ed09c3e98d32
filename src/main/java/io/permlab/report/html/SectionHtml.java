package io.permlab.report.html;

import io.permlab.model.EvidenceSection;

/**
 * The HTML view of one type of evidence section; registered in {@link SectionHtmls}. A new section type adds one of
 * these and a template (docs/architecture.md, "Adding a report view").
 */
public interface SectionHtml<T extends EvidenceSection> {
    Class<T> type();

    SectionView view(T section);
}
