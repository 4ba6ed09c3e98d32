package io.permlab.report.html;

import java.util.List;

/**
 * The evidence summary of one mini-program: identity, declarations, the call sites of the APIs PermLab follows with
 * where they are, what sets them off and what their callbacks do, the URLs, and the code files left unanalysed.
 * Every string is present ("—" or empty when unknown).
 */
public record MiniProgramView(String appId, String packaging, String framework, String libVersion, String usePrivacyCheck,
                              List<String> pages, List<ScopeRow> scopes, List<String> requiredPrivateInfos,
                              List<String> plugins, List<CallRow> calls, int moreCalls, List<EndpointRow> endpoints,
                              List<RequirementRow> requirements, int scriptsAnalysed, List<UnanalysedRow> unanalysed) {

    public record ScopeRow(String scope, String desc, String location) {
    }

    /** {@code entries}: lifecycle hooks and WXML bindings that reach the call; {@code callbacks}: "fail → wx.showModal → …". */
    public record CallRow(String api, String location, String owner, String function, String entries, String callbacks,
                          String options) {
    }

    public record EndpointRow(String url, String via, String location) {
    }

    public record RequirementRow(String location, String where, String fields, String sources) {
    }

    public record UnanalysedRow(String file, String reason) {
    }
}
