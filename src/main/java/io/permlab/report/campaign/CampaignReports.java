package io.permlab.report.campaign;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.report.Masking;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The campaign report's three files (campaign.html, campaign.xlsx, campaign.csv), PI masked unless asked otherwise.
 * A file that cannot be written is a problem named in the returned list; the others are still written.
 */
public final class CampaignReports {
    private CampaignReports() {
    }

    /** The page alone, as the batch goes. */
    public static List<String> writePage(List<CampaignEntry> entries, KnowledgeBase knowledge, Path outDir, boolean unmasked) {
        CampaignSummary summary = CampaignSummary.of(unmasked ? entries : mask(entries), knowledge);
        List<String> problems = new ArrayList<>();
        attempt(problems, CampaignHtmlWriter.FILE, () -> CampaignHtmlWriter.write(summary, outDir));
        return problems;
    }

    public static List<String> writeAll(List<CampaignEntry> entries, KnowledgeBase knowledge, Path outDir, boolean unmasked) {
        CampaignSummary summary = CampaignSummary.of(unmasked ? entries : mask(entries), knowledge);
        List<String> problems = new ArrayList<>();
        attempt(problems, CampaignHtmlWriter.FILE, () -> CampaignHtmlWriter.write(summary, outDir));
        attempt(problems, CampaignXlsxWriter.FILE, () -> CampaignXlsxWriter.write(summary, outDir));
        attempt(problems, CampaignCsvWriter.FILE, () -> CampaignCsvWriter.write(summary, outDir));
        return problems;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void attempt(List<String> problems, String file, Write write) {
        try {
            write.run();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            problems.add(file + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    static List<CampaignEntry> mask(List<CampaignEntry> entries) {
        return entries.stream().map(e -> e.result() == null ? e : new CampaignEntry(e.row(), e.name(), e.operator(), e.version(),
                e.categoryId(), e.status(), mask(e.result()))).toList();
    }

    private static TargetResult mask(TargetResult r) {
        return Masking.mask(new RunResult("batch", "PermLab", "", Instant.EPOCH, Instant.EPOCH, List.of(r))).targets().get(0);
    }
}
