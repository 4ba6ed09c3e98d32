package io.permlab.report.html;

import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.CodeLocation;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.SubPackage;
import io.permlab.model.miniprogram.UnanalysedFile;
import io.permlab.report.html.MiniProgramView.CallRow;
import io.permlab.report.html.MiniProgramView.EndpointRow;
import io.permlab.report.html.MiniProgramView.RequirementRow;
import io.permlab.report.html.MiniProgramView.ScopeRow;
import io.permlab.report.html.MiniProgramView.UnanalysedRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Lays a mini-program's facts out for the page; the call tree is written as "fail → wx.showModal{showCancel:false} → wx.openSetting". */
final class MiniProgramViews {
    /** Enough rows to read; the full list is in findings.json. */
    static final int MAX_CALLS = 60;
    private static final int MAX_ENDPOINTS = 40;
    private static final String MISSING = "—";
    /**
     * Dialogs are shown as part of the callbacks they sit in, not as call sites of their own; calls on receivers
     * PermLab cannot name (minified code) are in findings.json only.
     */
    private static final Set<String> UI = Set.of("showModal", "showToast");

    MiniProgramView of(MiniProgramFacts f) {
        var d = f.declarations();
        List<String> pages = new ArrayList<>(d.pages());
        for (SubPackage s : d.subPackages()) {
            s.pages().forEach(p -> pages.add(s.root() + "/" + p + "  [" + s.root() + (s.independent() ? ", independent" : "") + "]"));
        }
        List<CallRow> calls = f.calls().stream().filter(c -> c.platform() && !UI.contains(c.api())).map(c -> row(f, c)).toList();
        return new MiniProgramView(text(f.appId()), text(f.packaging()), text(f.framework()), text(f.libVersion()),
                d.usePrivacyCheck() == null ? MISSING : d.usePrivacyCheck().toString(), pages,
                d.scopes().stream().map(s -> new ScopeRow(s.scope(), s.desc() == null ? MISSING : s.desc(), location(s.at()))).toList(),
                d.requiredPrivateInfos().stream().map(p -> p.api()).toList(),
                d.plugins().stream().map(p -> p.alias() + " (" + text(p.provider()) + " " + text(p.version()) + ")").toList(),
                calls.stream().limit(MAX_CALLS).toList(), Math.max(0, calls.size() - MAX_CALLS),
                f.endpoints().stream().limit(MAX_ENDPOINTS).map(e -> new EndpointRow(e.url(), e.via(), location(e.at()))).toList(),
                f.coordinateRequirements().stream().map(r -> new RequirementRow(location(r.at()),
                        r.function().isEmpty() ? r.owner() : r.owner() + " › " + r.function(), String.join(", ", r.fields()),
                        r.sources().isEmpty() ? MISSING : String.join(", ", r.sources()))).toList(),
                f.scriptsAnalysed(), f.unanalysedFiles().stream().map(MiniProgramViews::unanalysed).toList());
    }

    private static CallRow row(MiniProgramFacts f, ApiCall c) {
        List<String> entries = new ArrayList<>(c.lifecycleEntries());
        entries.addAll(c.eventEntries());
        return new CallRow(c.qualifiedName(), location(c.at()), c.owner(), c.function().isEmpty() ? MISSING : c.function(),
                String.join(", ", entries), callbacks(f, c, 0),
                c.options().entrySet().stream().filter(e -> !e.getValue().equals("function"))
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** What the callbacks of a call do, one line per callback: "fail → wx.showModal{showCancel:false} → wx.openSetting". */
    static String callbacks(MiniProgramFacts f, ApiCall c, int depth) {
        if (depth > 3) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (ApiCall child : f.children(c)) {
            String nested = callbacks(f, child, depth + 1);
            String step = name(child) + (nested.isEmpty() ? "" : " → " + nested.replace("; ", " · "));
            lines.add(depth == 0 ? child.via() + " → " + step : step);
        }
        return String.join("; ", lines);
    }

    private static String name(ApiCall c) {
        if ("local".equals(c.namespace())) {
            return c.api() + "()";
        }
        String showCancel = c.option("showCancel");
        return c.qualifiedName() + ("false".equals(showCancel) ? "{showCancel:false}" : "");
    }

    private static UnanalysedRow unanalysed(UnanalysedFile u) {
        String where = u.line() == null ? u.file() : u.file() + ":" + u.line() + ":" + u.column();
        return new UnanalysedRow(where, u.reason());
    }

    static String location(CodeLocation at) {
        return at == null ? MISSING : at.file() + ":" + at.line() + ":" + at.column();
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? MISSING : s;
    }
}
