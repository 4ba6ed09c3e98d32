package io.permlab.report.allure;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.model.RunResult;
import io.permlab.report.ReportOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** environment.properties (the run, shown on the report's front page) and categories.json (how failures are sorted). */
final class AllureEnvironment {
    private AllureEnvironment() {
    }

    static String properties(RunResult run, ReportOptions options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("tool", run.tool() + " " + run.version());
        env.put("command", run.command());
        env.put("started", String.valueOf(run.startedAt()));
        env.put("finished", String.valueOf(run.finishedAt()));
        env.put("targets", Integer.toString(run.targets().size()));
        env.put("findings", Integer.toString(run.findingCount()));
        env.put("processingErrors", Integer.toString(run.errorCount()));
        env.put("piMasked", Boolean.toString(!options.unmasked()));
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    /**
     * java.util.Properties syntax, which Allure reads as ISO-8859-1: backslash escapes, and \\uXXXX for anything
     * outside printable ASCII (Chinese target names and categories among them).
     */
    static String escape(String s, boolean key) {
        String text = s == null ? "" : s;
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Custom categories: the most severe findings first, then all findings, inspection errors, targets not inspected. */
    static JsonArray categories() {
        JsonArray arr = new JsonArray();
        arr.add(category("Critical or high findings", List.of("failed"), ".*highest (critical|high).*"));
        arr.add(category("Compliance findings", List.of("failed"), null));
        arr.add(category("Inspection errors", List.of("broken"), null));
        arr.add(category("Not inspected", List.of("skipped"), null));
        return arr;
    }

    private static JsonObject category(String name, List<String> statuses, String messageRegex) {
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        JsonArray s = new JsonArray();
        statuses.forEach(s::add);
        c.add("matchedStatuses", s);
        if (messageRegex != null) {
            c.addProperty("messageRegex", messageRegex);
        }
        return c;
    }
}
