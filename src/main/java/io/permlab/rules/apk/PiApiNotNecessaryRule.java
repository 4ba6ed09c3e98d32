package io.permlab.rules.apk;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.Severity;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.CallSite;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Code reads PI that no runtime permission guards (the installed-app list, Android ID, MAC address, the clipboard),
 * and the category does not need it (必要个人信息范围规定; 认定方法 四.1): the user is never asked, so the permission
 * rules cannot see it. Once per PI kind, pointing at the call sites. Left to the permission rules: calls the platform
 * guards with a permission ({@code requiresAnyOf}), calls behind a user-granted special access ("appop": usage access
 * for running apps; IMEI under READ_PHONE_STATE is judged there), and calls inside AndroidX or the support library.
 * Sensitive kinds are high; a kind the category needs in some services is INFO with that case.
 */
public final class PiApiNotNecessaryRule extends ApkRule {
    private static final int POINTERS = 5;

    @Override
    public String id() {
        return "APK-PI-API-NOT-NECESSARY";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        Map<String, List<Read>> byKind = new LinkedHashMap<>();
        for (ApiUsage usage : apk.apiUsages()) {
            SensitiveApi api = kb.sensitiveApi(usage.apiId());
            List<CallSite> own = usage.callSites().stream().filter(site -> !supportLibrary(site.caller())).toList();
            if (api == null || !permissionFree(api, kb) || own.isEmpty()) {
                continue;
            }
            for (String kind : api.pi()) {
                if (!category.necessaryPi().contains(kind)) {
                    // the count keeps the calls beyond the first few sites, less the library's among those
                    int calls = usage.count() - (usage.callSites().size() - own.size());
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Read(api, own, calls));
                }
            }
        }
        byKind.forEach((kind, reads) -> {
            List<SensitiveApi> apis = reads.stream().map(Read::api).distinct().toList();
            List<CallSite> sites = reads.stream().flatMap(r -> r.sites().stream()).toList();
            int calls = reads.stream().mapToInt(Read::calls).sum();
            Violation v = Violation.of(this)
                    .arg("pi", kb.piKind(kind).label())
                    .arg("apis", new Localized(apis.stream().map(SensitiveApi::zh).collect(Collectors.joining("、")),
                            apis.stream().map(SensitiveApi::en).collect(Collectors.joining(", "))))
                    .arg("caller", sites.get(0).caller() + (calls > 1 ? " (+" + (calls - 1) + ")" : ""))
                    .arg("category", category.label())
                    .severity(kb.piKind(kind).sensitive() ? Severity.HIGH : null)
                    .key(kind);
            sites.stream().limit(POINTERS).forEach(site ->
                    v.at(EvidencePointer.of("dex", site.dexFile(), site.caller(), "calls " + site.reference())));
            // A normal permission that widens the read (QUERY_ALL_PACKAGES: the whole list from API 30) shows intent.
            apk.permissionNames().stream().map(kb::permission).flatMap(Optional::stream)
                    .filter(p -> !p.dangerous() && p.pi().contains(kind) && apis.stream().anyMatch(a -> a.uses(p.name())))
                    .forEach(p -> v.at(usesPermission(apk, p.name())));
            ctx.report(ctx.unlessNecessaryInSomeServices(this, v, List.of(kind)));
        });
    }

    /** No permission the platform enforces, nor a special access the user grants in settings (an appop). */
    private static boolean permissionFree(SensitiveApi api, KnowledgeBase kb) {
        return !api.pi().isEmpty() && api.requiresAnyOf().isEmpty() && api.relatedPermissions().stream()
                .map(kb::permission).flatMap(Optional::stream).noneMatch(p -> p.protection().contains("appop"));
    }

    /**
     * AndroidX and the support library: the platform's own UI code, whose reads serve what the user does (the clipboard
     * when the user pastes from a menu), not the app's collection.
     */
    private static boolean supportLibrary(String caller) {
        return caller.startsWith("androidx.") || caller.startsWith("android.support.");
    }

    private record Read(SensitiveApi api, List<CallSite> sites, int calls) {
    }
}
