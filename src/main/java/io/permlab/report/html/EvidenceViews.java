package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.knowledge.SdkSignature;
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.AppComponent;
import io.permlab.model.apk.DeclaredPermission;
import io.permlab.model.apk.SdkPresence;
import io.permlab.report.html.EvidenceView.ApiRow;
import io.permlab.report.html.EvidenceView.EndpointRow;
import io.permlab.report.html.EvidenceView.PermissionRow;
import io.permlab.report.html.EvidenceView.SdkRow;

import java.util.List;

/** Joins an APK's facts with the knowledge base: protection levels and PI per permission, what each SDK collects. */
final class EvidenceViews {
    /** Enough call sites for a developer to find the code; the full list is in findings.json. */
    static final int FIRST_CALL_SITES = 5;
    private static final Localized NOTHING = new Localized("", "");

    private final KnowledgeBase knowledge;

    EvidenceViews(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    EvidenceView of(ApkFacts apk) {
        List<AppComponent> exported = apk.components().stream().filter(AppComponent::exported).toList();
        return new EvidenceView(
                apk.permissions().stream().map(this::permission).toList(),
                apk.sdks().stream().map(this::sdk).toList(),
                apk.apiUsages().stream().map(this::api).toList(),
                apk.httpEndpoints().stream().map(h -> new EndpointRow(h.url(), FindingViews.orEmpty(h.where()), h.occurrences())).toList(),
                apk.components().size(), exported.size(),
                (int) exported.stream().filter(c -> c.permission() == null).count());
    }

    private PermissionRow permission(DeclaredPermission p) {
        String maxSdk = p.maxSdkVersion() == null ? "" : p.maxSdkVersion().toString();
        PermissionInfo info = knowledge.permission(p.name()).orElse(null);
        if (info == null) {
            return new PermissionRow(p.name(), maxSdk, "", false, false, NOTHING);
        }
        return new PermissionRow(p.name(), maxSdk, info.protection(), info.dangerous(), info.reachesPi(),
                knowledge.piLabels(info.pi()));
    }

    private SdkRow sdk(SdkPresence s) {
        SdkSignature sig = knowledge.sdk(s.sdkId());
        if (sig == null) {
            return new SdkRow(s.sdkId(), "", "", NOTHING, s.prefix(), s.classCount(), FindingViews.orEmpty(s.exampleClass()));
        }
        return new SdkRow(sig.name(), sig.vendor(), sig.purpose(), knowledge.piLabels(sig.collects()), s.prefix(),
                s.classCount(), FindingViews.orEmpty(s.exampleClass()));
    }

    private ApiRow api(ApiUsage u) {
        SensitiveApi api = knowledge.sensitiveApi(u.apiId());
        Localized label = api == null ? new Localized(u.apiId(), u.apiId()) : api.label();
        List<String> sites = u.callSites().stream().limit(FIRST_CALL_SITES)
                .map(c -> c.caller() + " → " + c.reference()).toList();
        return new ApiRow(label, u.count(), sites, Math.max(0, u.count() - sites.size()));
    }
}
