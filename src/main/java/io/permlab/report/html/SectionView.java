package io.permlab.report.html;

/**
 * How one evidence section shows in a target's part of the page: the template that renders it (it defines a macro
 * {@code summary model anchor}), the view it renders, and, for a section that knows what the app is, the rows it adds
 * to the target's identity table (null otherwise).
 */
public record SectionView(String template, Object model, TargetView.Identity identity) {
}
