package io.permlab.report.html;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.report.ReportFiles;
import io.permlab.report.ReportOptions;
import io.permlab.report.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * index.html: one self-contained page (inline CSS and script, nothing fetched) in Chinese and English, opening in
 * the language asked for. The page's content is prepared by {@link PageViews}; the templates under /report/html
 * only lay it out, and their .ftlh extension makes FreeMarker HTML-escape every value.
 */
public final class HtmlReportWriter implements ReportWriter {
    public static final String FILE = "index.html";
    private static final String TEMPLATE = "index.ftlh";

    /** Thread-safe once configured; built once because Reports.all() creates writers just to list their formats. */
    private static final Configuration FREEMARKER = configuration();

    @Override
    public String format() {
        return "html";
    }

    @Override
    public void write(RunResult run, KnowledgeBase knowledge, ReportOptions options) throws IOException {
        PageView page = new PageViews(knowledge).of(run, options);
        Template template = FREEMARKER.getTemplate(TEMPLATE);
        // Streamed into a temporary file moved into place only when complete: a template error never leaves half a
        // page that looks whole, and the page is never held in memory.
        ReportFiles.writeText(options.outDir().resolve(FILE), w -> {
            try {
                template.process(Map.of("page", page), w);
            } catch (TemplateException e) {
                throw new IOException("HTML template " + TEMPLATE + " failed: " + e.getMessageWithoutStackTop(), e);
            }
        });
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_35);
        c.setClassForTemplateLoading(HtmlReportWriter.class, "/report/html");
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // Counts and SDK levels are identifiers, not quantities: no locale grouping ("1,024").
        c.setNumberFormat("computer");
        c.setLocale(Locale.ROOT);
        return c;
    }
}
