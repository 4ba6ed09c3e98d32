package io.permlab.rules.apk;

import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.EvidencePointer;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.CallSite;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.stream.Collectors;

/**
 * Code calls an API that the platform only allows with a permission the manifest does not declare: the call fails,
 * or (common in SDKs) the code probes whether the host app happens to hold it. One finding per API.
 */
public final class ApiWithoutPermissionRule extends ApkRule {
    private static final int POINTERS = 5;

    @Override
    public String id() {
        return "APK-API-WITHOUT-PERMISSION";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        for (ApiUsage usage : apk.apiUsages()) {
            SensitiveApi api = ctx.knowledge().sensitiveApi(usage.apiId());
            if (api == null || api.requiresAnyOf().isEmpty() || api.requiresAnyOf().stream().anyMatch(apk::declares)) {
                continue;
            }
            CallSite first = usage.callSites().get(0);
            Violation v = Violation.of(this)
                    .arg("caller", first.caller() + (usage.count() > 1 ? " (+" + (usage.count() - 1) + ")" : ""))
                    .arg("api", first.reference())
                    .arg("apiName", api.label())
                    .arg("permissions", api.requiresAnyOf().stream().map(ApkRule::shortName).collect(Collectors.joining(" / ")))
                    // declaring READ_PHONE_STATE cannot buy an identifier Android reserves to privileged apps
                    .arg("privileged", PrivilegedIdentifierCall.restricted(api) ? ctx.text(this, "privilegedOnly").text() : null)
                    .key(api.id());
            usage.callSites().stream().limit(POINTERS).forEach(site ->
                    v.at(EvidencePointer.of("dex", site.dexFile(), site.caller(), "calls " + site.reference())));
            ctx.report(v);
        }
    }
}
