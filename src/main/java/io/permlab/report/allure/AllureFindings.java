package io.permlab.report.allure;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.Severity;

import java.util.Comparator;
import java.util.List;

/** How a failed result tells its findings: a one-line message, a trace of messages and locations, a JSON attachment. */
final class AllureFindings {
    private AllureFindings() {
    }

    /** One line, so that categories.json's message patterns match it in every Allure version. */
    static String message(List<Finding> findings) {
        Severity highest = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        return findings.size() + (findings.size() == 1 ? " finding" : " findings") + ", highest " + highest.id();
    }

    /** Each finding's message and where its evidence is, as a stack trace would say where an exception came from. */
    static String trace(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append('[').append(f.severity().id()).append("] ").append(f.message().en()).append('\n');
            for (EvidencePointer p : f.evidence()) {
                sb.append("    at ").append(p.location()).append(p.symbol() == null ? "" : " (" + p.symbol() + ")")
                        .append(p.excerpt() == null ? "" : ": " + p.excerpt()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The attachment: each finding with its evidence pointers, in both languages. */
    static JsonArray evidence(List<Finding> findings) {
        JsonArray arr = new JsonArray();
        for (Finding f : findings) {
            JsonObject o = new JsonObject();
            o.addProperty("ruleId", f.ruleId());
            o.addProperty("severity", f.severity().id());
            o.addProperty("stage", f.stage().id());
            o.add("message", localized(f.message().zh(), f.message().en()));
            JsonArray basis = new JsonArray();
            f.legalBasis().forEach(b -> basis.add(b.citation()));
            o.add("legalBasis", basis);
            JsonArray pointers = new JsonArray();
            for (EvidencePointer p : f.evidence()) {
                JsonObject po = new JsonObject();
                po.addProperty("kind", p.kind());
                po.addProperty("location", p.location());
                po.addProperty("symbol", p.symbol());
                po.addProperty("excerpt", p.excerpt());
                pointers.add(po);
            }
            o.add("evidence", pointers);
            o.addProperty("fingerprint", f.fingerprint());
            arr.add(o);
        }
        return arr;
    }

    private static JsonObject localized(String zh, String en) {
        JsonObject o = new JsonObject();
        o.addProperty("zh", zh);
        o.addProperty("en", en);
        return o;
    }
}
