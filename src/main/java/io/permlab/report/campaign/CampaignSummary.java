package io.permlab.report.campaign;

import io.permlab.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The campaign across apps: each app's summary, and for each clause violated the apps that violate it. */
public record CampaignSummary(List<AppSummary> apps, Map<String, List<String>> appsByClause) {

    public static CampaignSummary of(List<CampaignEntry> entries, KnowledgeBase knowledge) {
        List<AppSummary> apps = entries.stream().map(e -> AppSummary.of(e, knowledge)).toList();
        Map<String, List<String>> byClause = new TreeMap<>();
        for (AppSummary a : apps) {
            for (String clause : a.clauses()) {
                byClause.computeIfAbsent(clause, c -> new ArrayList<>()).add(label(a.entry()));
            }
        }
        return new CampaignSummary(apps, byClause);
    }

    /** "name version" as a notice names an app. */
    public static String label(CampaignEntry e) {
        String name = e.name() == null ? "row " + e.row() : e.name();
        return e.version() == null ? name : name + " " + e.version();
    }

    public long finished() {
        return apps.stream().filter(a -> a.entry().status() != CampaignEntry.Status.PENDING
                && a.entry().status() != CampaignEntry.Status.RUNNING).count();
    }
}
