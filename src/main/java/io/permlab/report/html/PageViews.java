package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Finding;
import io.permlab.model.Lang;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.report.ReportOptions;
import io.permlab.report.html.PageView.SummaryView;
import io.permlab.report.html.PageView.TargetLink;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the whole page's view from a (masked) run. */
final class PageViews {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final KnowledgeBase knowledge;

    PageViews(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    PageView of(RunResult run, ReportOptions options) {
        TargetViews targets = new TargetViews(knowledge, new Screenshots(options.outDir()));
        List<TargetView> views = new ArrayList<>();
        List<TargetLink> withErrors = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < run.targets().size(); i++) {
            TargetResult t = run.targets().get(i);
            TargetView v = targets.of(t, "target-" + (i + 1));
            views.add(v);
            all.addAll(t.findings());
            if (t.failed()) {
                withErrors.add(new TargetLink(v.anchor(), v.id(), v.name(), t.findings().size(), t.errors().size()));
            }
        }
        SummaryView summary = new SummaryView(run.targets().size(), run.findingCount(), run.errorCount(),
                SeverityLabels.count(all), withErrors);
        Lang lang = options.lang() == null ? Lang.ZH : options.lang();
        return new PageView(text(run.tool()), text(run.version()), text(run.command()), time(run.startedAt()),
                time(run.finishedAt()), seconds(run.startedAt(), run.finishedAt()), !options.unmasked(),
                lang.code(), lang == Lang.ZH ? "zh-CN" : "en", summary, views);
    }

    private static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    private static String seconds(Instant start, Instant end) {
        if (start == null || end == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f", Duration.between(start, end).toMillis() / 1000.0);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
