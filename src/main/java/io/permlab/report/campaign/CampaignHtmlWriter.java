package io.permlab.report.campaign;

import io.permlab.model.Severity;
import io.permlab.report.ReportFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * campaign.html: the campaign on one page (progress, per app, per clause, each app's "存在……问题" list). Rewritten
 * whenever a target's status changes (written beside and moved in, so a reader never sees half a page); while the
 * campaign runs the page reloads itself every 15 s.
 */
public final class CampaignHtmlWriter {
    public static final String FILE = "campaign.html";

    private CampaignHtmlWriter() {
    }

    public static void write(CampaignSummary summary, Path outDir) throws IOException {
        ReportFiles.writeText(outDir.resolve(FILE), w -> page(summary, w));
    }

    private static void page(CampaignSummary s, Writer w) throws IOException {
        int total = s.apps().size();
        long finished = s.finished();
        w.write("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">");
        if (finished < total) {
            w.write("<meta http-equiv=\"refresh\" content=\"15\">");
        }
        w.write("<title>PermLab 检测批次 / campaign</title><style>body{font-family:sans-serif;margin:1.5em}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}"
                + "th{background:#f3f3f3}.failed,.rejected{color:#a00}.pending,.running{color:#777}</style></head><body>\n");
        w.write("<h1>检测批次 / Campaign</h1>\n<p id=\"progress\">" + finished + " / " + total + " 已完成 / finished"
                + (finished < total ? "（进行中 / in progress）" : "") + "</p>\n");
        w.write("<h2>应用 / Apps</h2>\n<table id=\"apps\"><tr><th>行 row</th><th>名称 name</th><th>运营者 operator</th><th>版本 version</th>"
                + "<th>类别 category</th><th>状态 status</th><th>问题 findings</th>");
        for (Severity sev : Severity.values()) {
            w.write("<th>" + sev.id() + "</th>");
        }
        w.write("<th>违反条款 clauses</th><th>错误 errors</th></tr>\n");
        for (AppSummary a : s.apps()) {
            CampaignEntry e = a.entry();
            w.write("<tr class=\"" + e.status().en() + "\"><td>" + e.row() + "</td><td>" + esc(e.name()) + "</td><td>" + esc(e.operator())
                    + "</td><td>" + esc(e.version()) + "</td><td>" + esc(a.category()) + "</td><td class=\"" + e.status().en() + "\">"
                    + e.status().zh() + " / " + e.status().en() + "</td><td>" + a.findings() + "</td>");
            for (Severity sev : Severity.values()) {
                w.write("<td>" + a.bySeverity().get(sev) + "</td>");
            }
            w.write("<td>" + esc(String.join("；", a.clauses())) + "</td><td>" + a.errors() + "</td></tr>\n");
        }
        w.write("</table>\n<h2>按条款 / By clause</h2>\n<table id=\"clauses\"><tr><th>条款 clause</th><th>应用数 apps</th><th>应用 which</th></tr>\n");
        for (Map.Entry<String, List<String>> c : s.appsByClause().entrySet()) {
            w.write("<tr><td>" + esc(c.getKey()) + "</td><td>" + c.getValue().size() + "</td><td>" + esc(String.join("；", c.getValue())) + "</td></tr>\n");
        }
        w.write("</table>\n<h2>问题清单 / Problems</h2>\n");
        for (AppSummary a : s.apps()) {
            if (a.problems().isEmpty() && a.errors() == 0) {
                continue;
            }
            w.write("<h3>" + esc(CampaignSummary.label(a.entry())) + (a.entry().operator() == null ? "" : "（" + esc(a.entry().operator()) + "）")
                    + "</h3>\n<ol>");
            for (AppSummary.Problem p : a.problems()) {
                w.write("<li>" + esc(p.text()) + " <small>[" + esc(p.ruleId()) + ", " + p.severity().id() + "] 证据 evidence: "
                        + esc(p.evidence()) + "</small></li>");
            }
            if (a.entry().result() != null) {
                for (var err : a.entry().result().errors()) {
                    w.write("<li class=\"failed\">未能完成检测 / not inspected: " + esc(err.oneLine()) + "</li>");
                }
            }
            w.write("</ol>\n");
        }
        w.write("<p>每个应用的详细证据见 index.html / each app's evidence: index.html, findings.json</p></body></html>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
