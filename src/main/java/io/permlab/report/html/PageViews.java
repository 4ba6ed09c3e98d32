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
import java.util.AbstractList;
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
        List<TargetLink> rows = new ArrayList<>();
        List<TargetLink> withErrors = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < run.targets().size(); i++) {
            TargetResult t = run.targets().get(i);
            TargetLink row = new TargetLink(anchor(i), t.target().id(), t.target().name(), t.findings().size(), t.errors().size());
            rows.add(row);
            all.addAll(t.findings());
            if (t.failed()) {
                withErrors.add(row);
            }
        }
        SummaryView summary = new SummaryView(run.targets().size(), run.findingCount(), run.errorCount(),
                SeverityLabels.count(all), withErrors, rows);
        Lang lang = options.lang() == null ? Lang.ZH : options.lang();
        return new PageView(text(run.tool()), text(run.version()), text(run.command()), time(run.startedAt()),
                time(run.finishedAt()), seconds(run.startedAt(), run.finishedAt()), !options.unmasked(),
                lang.code(), lang == Lang.ZH ? "zh-CN" : "en", summary, new LazyTargets(run.targets(), targets));
    }

    private static String anchor(int index) {
        return "target-" + (index + 1);
    }

    /**
     * A target's section is built when the template reaches it and dropped once written, so the page's memory grows
     * with the largest target, not with the batch.
     */
    private static final class LazyTargets extends AbstractList<TargetView> {
        private final List<TargetResult> results;
        private final TargetViews views;

        LazyTargets(List<TargetResult> results, TargetViews views) {
            this.results = results;
            this.views = views;
        }

        @Override
        public TargetView get(int index) {
            return views.of(results.get(index), anchor(index));
        }

        @Override
        public int size() {
            return results.size();
        }
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
