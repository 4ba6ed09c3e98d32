package io.permlab.inspect.apk;

import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SdkPresence;
import io.permlab.model.apk.SecurityFlaw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dex scan counted: classes per SDK prefix, call sites per sensitive API (the first few kept), and
 * cleartext URLs, and the security flaws (the first few hundred). Scans of parts of the code fill their own tallies, merged in code order afterwards.
 */
final class DexTally {
    static final int CALL_SITES_KEPT_PER_API = 20;
    static final int ENDPOINTS_KEPT = 200;
    static final int SECURITY_FLAWS_KEPT = 200;

    private final Map<String, SdkCount> sdks = new LinkedHashMap<>();
    private final Map<String, ApiCount> usages = new LinkedHashMap<>();
    private final Map<String, EndpointCount> endpoints = new LinkedHashMap<>();
    private final List<SecurityFlaw> securityFlaws = new ArrayList<>();
    private int classCount;

    void countClass(CodeSignatures.SdkPrefix sdk, String classDescriptor) {
        classCount++;
        if (sdk != null) {
            sdks.computeIfAbsent(sdk.sdk().id() + "|" + sdk.prefix(), k -> new SdkCount(sdk, classDescriptor)).count++;
        }
    }

    void callSite(SensitiveApi api, CallSite site) {
        ApiCount u = usages.computeIfAbsent(api.id(), k -> new ApiCount());
        u.count++;
        if (u.sites.size() < CALL_SITES_KEPT_PER_API) {
            u.sites.add(site);
        }
    }

    void endpoint(String url, String where) {
        EndpointCount e = endpoints.get(url);
        if (e != null) {
            e.count++;
        } else if (endpoints.size() < ENDPOINTS_KEPT) {
            endpoints.put(url, new EndpointCount(where, 1));
        }
    }

    void securityFlaw(SecurityFlaw flaw) {
        if (securityFlaws.size() < SECURITY_FLAWS_KEPT) {
            securityFlaws.add(flaw);
        }
    }

    /** Adds a later part's counts after this one's, keeping first-seen order and the per-API limits. */
    void merge(DexTally later) {
        classCount += later.classCount;
        later.securityFlaws.forEach(this::securityFlaw);
        later.sdks.forEach((k, v) -> sdks.merge(k, v, (a, b) -> {
            a.count += b.count;
            return a;
        }));
        later.usages.forEach((api, v) -> {
            ApiCount mine = usages.computeIfAbsent(api, k -> new ApiCount());
            mine.count += v.count;
            v.sites.stream().limit(CALL_SITES_KEPT_PER_API - mine.sites.size()).forEach(mine.sites::add);
        });
        later.endpoints.forEach((url, v) -> {
            EndpointCount mine = endpoints.get(url);
            if (mine != null) {
                mine.count += v.count;
            } else if (endpoints.size() < ENDPOINTS_KEPT) {
                endpoints.put(url, new EndpointCount(v.where, v.count));
            }
        });
    }

    int classCount() {
        return classCount;
    }

    List<SecurityFlaw> securityFlaws() {
        return List.copyOf(securityFlaws);
    }

    List<SdkPresence> sdks() {
        List<SdkPresence> out = new ArrayList<>();
        sdks.values().forEach(t -> out.add(new SdkPresence(t.prefix.sdk().id(), t.prefix.prefix(), t.count, DexScanner.javaName(t.example))));
        return out;
    }

    List<ApiUsage> usages() {
        List<ApiUsage> out = new ArrayList<>();
        usages.forEach((id, t) -> out.add(new ApiUsage(id, t.count, t.sites)));
        return out;
    }

    List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> out = new ArrayList<>();
        endpoints.forEach((url, t) -> out.add(new HttpEndpoint(url, t.where, t.count)));
        return out;
    }

    private static final class SdkCount {
        final CodeSignatures.SdkPrefix prefix;
        final String example;
        int count;

        SdkCount(CodeSignatures.SdkPrefix prefix, String example) {
            this.prefix = prefix;
            this.example = example;
        }
    }

    private static final class ApiCount {
        int count;
        final List<CallSite> sites = new ArrayList<>();
    }

    private static final class EndpointCount {
        final String where;
        int count;

        EndpointCount(String where, int count) {
            this.where = where;
            this.count = count;
        }
    }
}
