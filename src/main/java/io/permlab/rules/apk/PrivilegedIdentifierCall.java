package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;

/**
 * A call of a device identifier that Android reserves to privileged system apps from some level (sensitive-apis.json
 * {@code privilegedFromApi}: IMEI/MEID, IMSI, SIM and build serial from Android 10; source.android.com, Device
 * identifiers). What it yields depends on the device, so a finding words it as an attempt: on Android 10+ a
 * SecurityException (targetSdk 29+) or null / a placeholder (targetSdk 28 or lower, with READ_PHONE_STATE); below
 * Android 10 the identifier itself, once READ_PHONE_STATE is granted.
 */
final class PrivilegedIdentifierCall {
    private PrivilegedIdentifierCall() {
    }

    static boolean restricted(SensitiveApi api) {
        return api != null && api.privilegedFromApi() != null;
    }

    /** The first identifier call that {@code permission} would serve below the privileged level, null when the code makes none. */
    static ApiUsage first(ApkFacts apk, KnowledgeBase kb, String permission) {
        return apk.apiUsages().stream().filter(u -> {
            SensitiveApi api = kb.sensitiveApi(u.apiId());
            return restricted(api) && api.requiresAnyOf().contains(permission);
        }).findFirst().orElse(null);
    }

    /** The rule's "identifierAttempt" phrase for {@code usage}: what the call returns on which devices. */
    static Localized attempt(ApkRule rule, ApkFacts apk, ApiUsage usage, RuleContext ctx) {
        int from = ctx.knowledge().sensitiveApi(usage.apiId()).privilegedFromApi();
        int targetSdk = apk.effectiveTargetSdk();
        Localized outcome = ctx.text(rule, targetSdk >= from ? "throws" : "returnsNull").with("targetSdk", targetSdk).text();
        Localized older = apk.lowestApiLevel() >= from
                ? ctx.text(rule, "neverObtained").with("minSdk", apk.lowestApiLevel()).text()
                : ctx.text(rule, "olderDevices").text();
        return ctx.text(rule, "identifierAttempt").with("api", usage.callSites().get(0).reference())
                .with("outcome", outcome).with("older", older).text();
    }
}
