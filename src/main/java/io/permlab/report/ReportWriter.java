package io.permlab.report;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;

import java.io.IOException;

/** Renders a run. Renderers only format: every decision was made by the rules, masking by {@link Masking}. */
public interface ReportWriter {
    /** The --format name: json, html, sarif, allure, junit. */
    String format();

    void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException;
}
