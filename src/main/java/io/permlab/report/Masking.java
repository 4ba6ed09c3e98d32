package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.ProcessingError;
import io.permlab.model.RunResult;
import io.permlab.model.Target;
import io.permlab.model.TargetResult;
import io.permlab.model.apk.ApiUsage;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.CallSite;
import io.permlab.model.apk.HttpEndpoint;
import io.permlab.model.apk.SecurityFlaw;

import java.util.List;

/**
 * Masks personal information in everything a report shows: finding messages and evidence, hard-coded URLs, string
 * constants at call sites, error messages. Applied once before any renderer sees the run.
 */
public final class Masking {
    private Masking() {
    }

    public static RunResult mask(RunResult run) {
        return new RunResult(run.command(), run.tool(), run.version(), run.startedAt(), run.finishedAt(),
                run.targets().stream().map(Masking::mask).toList());
    }

    private static TargetResult mask(TargetResult t) {
        Target target = mask(t.target());
        Evidence evidence = t.evidence() == null ? null : mask(new Evidence(target, t.evidence().apk(),
                t.evidence().miniProgram(), t.evidence().exploration()));
        return new TargetResult(target, evidence, t.findings().stream().map(Masking::mask).toList(),
                t.errors().stream().map(e -> new ProcessingError(target.id(), EvidenceMasker.mask(e.file()), e.phase(),
                        EvidenceMasker.mask(e.message()))).toList(),
                t.millis(), t.notInspected());
    }

    /** A file name can carry PI too ("订单-13812345678.apk"). */
    private static Target mask(Target t) {
        return new Target(EvidenceMasker.mask(t.id()), EvidenceMasker.mask(t.name()), t.kind(),
                t.location() == null ? null : java.nio.file.Paths.get(EvidenceMasker.mask(t.location().toString())),
                t.categoryId(), t.functions());
    }

    private static Finding mask(Finding f) {
        return new Finding(f.ruleId(), EvidenceMasker.mask(f.targetId()), f.severity(), f.stage(), f.title(),
                f.message().map(EvidenceMasker::mask), f.legalBasis(), f.evidence().stream().map(Masking::mask).toList(), f.fingerprint());
    }

    private static EvidencePointer mask(EvidencePointer p) {
        return new EvidencePointer(p.kind(), p.file(), p.line(), p.column(), EvidenceMasker.mask(p.symbol()), EvidenceMasker.mask(p.excerpt()));
    }

    private static Evidence mask(Evidence e) {
        return new Evidence(e.target(), mask(e.apk()), MiniProgramMasking.mask(e.miniProgram()), ExplorationMasking.mask(e.exploration()));
    }

    private static ApkFacts mask(ApkFacts a) {
        if (a == null) {
            return null;
        }
        List<HttpEndpoint> endpoints = a.httpEndpoints().stream()
                .map(h -> new HttpEndpoint(EvidenceMasker.mask(h.url()), h.where(), h.occurrences())).toList();
        List<ApiUsage> usages = a.apiUsages().stream().map(u -> new ApiUsage(u.apiId(), u.count(),
                u.callSites().stream().map(c -> new CallSite(c.caller(), EvidenceMasker.mask(c.reference()), c.dexFile())).toList())).toList();
        return new ApkFacts(a.packageName(), a.versionName(), a.versionCode(), a.minSdk(), a.targetSdk(),
                a.compileSdk(), a.permissions(), a.definedPermissions(), a.features(), a.application(),
                a.networkSecurityConfig(), a.components(), a.sdks(), usages, endpoints, a.dexFiles(), a.classCount(), a.bundleApks(),
                a.securityFlaws().stream().map(f -> new SecurityFlaw(f.kind(), f.dexFile(), f.className(), f.method(),
                        EvidenceMasker.mask(f.excerpt()), EvidenceMasker.mask(f.detail()))).toList());
    }
}
