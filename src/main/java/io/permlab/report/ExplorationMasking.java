package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Download;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.WebSecurityFlaw;
import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;

/**
 * Masks what runs recorded in text: URLs (a phone number in a query), typed text in step descriptions, frame URLs,
 * purposes, problem messages and download URLs. PI sightings are masked when found; the HAR files are written masked by the recorder.
 */
final class ExplorationMasking {
    private ExplorationMasking() {
    }

    static Exploration mask(Exploration x) {
        return new Exploration(EvidenceMasker.mask(x.entryUrl()), x.ownHosts(), x.session(),
                x.functions().stream().map(ExplorationMasking::mask).toList());
    }

    private static FunctionExploration mask(FunctionExploration f) {
        return new FunctionExploration(f.functionId(), f.functionName(), f.flowFile(), f.runs().stream().map(ExplorationMasking::mask).toList(),
                f.effects(), f.millis(), f.runsAtOnce());
    }

    private static Run mask(Run r) {
        return new Run(r.id(), r.functionId(), r.policy(), r.session(), r.startedAt(), r.durationMillis(), r.consentAtMillis(),
                r.functionStartStep(), r.steps().stream().map(ExplorationMasking::mask).toList(),
                r.requests().stream().map(ExplorationMasking::mask).toList(),
                r.exchanges().stream().map(ExplorationMasking::mask).toList(), r.storage(), mask(r.checkpoint()),
                r.problems().stream().map(p -> new RunProblem(p.kind(), EvidenceMasker.mask(p.message()), p.stepIndex(), p.atMillis(),
                        p.screenshot(), p.pageSource())).toList(), r.harFile(),
                r.downloads().stream().map(ExplorationMasking::mask).toList(), mask(r.outcome()), r.retryOf(),
                r.securityFlaws().stream().map(f -> new WebSecurityFlaw(f.kind(), EvidenceMasker.mask(f.subject()), f.detail(),
                        EvidenceMasker.mask(f.reason()), EvidenceMasker.mask(f.pageUrl()), f.exchangeId(), f.stepIndex())).toList(),
                r.exposures().stream().map(e -> new ResponseExposure(e.exchangeId(), e.stepIndex(), e.method(),
                        EvidenceMasker.mask(e.url()), e.host(), e.kind(), e.type(), e.where(), e.maskedValue(), e.screenshot())).toList(),
                r.events().stream().map(ExplorationMasking::mask).toList());
    }

    /** A timeline entry's texts (a modal's words, a tapped element's text) with PI masked. */
    private static io.permlab.model.dynamic.RunEvent mask(io.permlab.model.dynamic.RunEvent e) {
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        e.details().forEach((k, v) -> details.put(k, EvidenceMasker.mask(v)));
        return new io.permlab.model.dynamic.RunEvent(e.atMillis(), e.stepIndex(), e.kind(), e.api(), details);
    }

    private static Download mask(Download d) {
        return new Download(EvidenceMasker.mask(d.url()), EvidenceMasker.mask(d.fileName()), d.bytes(), d.state(), d.atMillis(),
                d.stepIndex(), d.file(), d.note());
    }

    private static RunOutcome mask(RunOutcome o) {
        return o == null ? null : new RunOutcome(o.kind(), EvidenceMasker.mask(o.cause()));
    }

    private static StepRecord mask(StepRecord s) {
        return new StepRecord(s.index(), s.action(), EvidenceMasker.mask(s.description()), s.atMillis(), s.durationMillis(), s.ok(),
                EvidenceMasker.mask(s.error()), s.screenshot(), s.pageSource());
    }

    private static PermissionRequest mask(PermissionRequest r) {
        return new PermissionRequest(r.permission(), r.api(), r.options(), r.atMillis(), r.stepIndex(), EvidenceMasker.mask(r.origin()),
                EvidenceMasker.mask(r.frameUrl()), r.topFrame(), r.beforeConsent(), r.beforeFunctionStart(), r.afterRelaunch(),
                r.purposeVisible(), EvidenceMasker.mask(r.purposeText()), r.decision(), EvidenceMasker.mask(r.outcome()), r.answer(), r.accuracyMeters(), r.screenshot());
    }

    private static NetworkExchange mask(NetworkExchange x) {
        return new NetworkExchange(x.id(), x.atMillis(), x.stepIndex(), x.beforeConsent(), x.method(), EvidenceMasker.mask(x.url()),
                x.host(), x.cleartext(), x.status(), x.piSent(), x.piReceived());
    }

    private static CheckpointResult mask(CheckpointResult c) {
        return c == null ? null : new CheckpointResult(c.reached(), EvidenceMasker.mask(c.description()), EvidenceMasker.mask(c.detail()),
                c.atMillis(), c.screenshot(), c.reason().map(EvidenceMasker::mask));
    }
}
