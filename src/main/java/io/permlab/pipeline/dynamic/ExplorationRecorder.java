package io.permlab.pipeline.dynamic;

import io.permlab.capture.HarEntry;
import io.permlab.capture.HarRun;
import io.permlab.capture.HarWriter;
import io.permlab.capture.PersonaMatcher;
import io.permlab.capture.PersonaPi;
import io.permlab.capture.PiScanner;
import io.permlab.capture.ResponseExposures;
import io.permlab.capture.TypedValues;
import io.permlab.exercise.ObservedExchange;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.capture.security.WebSecurityScan;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.RawRun;
import io.permlab.exercise.RunRecorder;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StoredValue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a raw run into evidence: writes its traffic to a HAR file (masked unless asked otherwise), scans what was sent,
 * received and stored for PI, and places every request and exchange relative to the consent and to the function's
 * start. Files go to {@code runs/<target>/<run>/} under the output folder, the run's id made safe as a folder name
 * ({@link RunFolderNames}).
 */
final class ExplorationRecorder implements RunRecorder {
    private final java.nio.file.Path outDir;
    private final String root;
    private final boolean mask;
    private final PersonaMatcher persona;
    private final Persona declared;
    private final ResponseExposures exposures;

    ExplorationRecorder(java.nio.file.Path outDir, String root, boolean mask) {
        this(outDir, root, mask, null);
    }

    /** @param persona the declared test persona, or null: its values are found and masked as well as PI by shape */
    ExplorationRecorder(java.nio.file.Path outDir, String root, boolean mask, Persona persona) {
        this.outDir = outDir;
        this.root = root;
        this.mask = mask;
        this.persona = persona == null ? null : new PersonaMatcher(persona);
        this.declared = persona;
        this.exposures = new ResponseExposures(persona);
    }

    @Override
    public ArtifactStore filesFor(String functionId, String runId) {
        return new FileArtifacts(outDir, root + "/" + RunFolderNames.of(runId));
    }

    @Override
    public Run record(RawRun raw) {
        FileArtifacts files = new FileArtifacts(outDir, root + "/" + RunFolderNames.of(raw.id()));
        // a run that declined the policy never had consent: all it asked for and sent was without it (认定方法 三.2)
        Long consent = raw.policy().kind() == RunPolicy.Kind.REFUSE_CONSENT ? Long.valueOf(Long.MAX_VALUE) : raw.consentAtMillis();
        List<PermissionRequest> requests = new ArrayList<>();
        for (RawRun.TimedRequest t : raw.requests()) {
            ObservedRequest r = t.request();
            requests.add(new PermissionRequest(r.permission(), r.api(), r.options(), t.atMillis(), t.stepIndex(), r.origin(),
                    r.frameUrl(), r.topFrame(), consent != null && t.atMillis() < consent,
                    t.stepIndex() < raw.functionStartStep(), t.afterRelaunch(), t.purposeText() != null, t.purposeText(),
                    decision(raw.policy(), r.permission()), r.outcome(), r.answer(), r.accuracyMeters(), t.screenshot()));
        }
        List<NetworkExchange> exchanges = new ArrayList<>();
        List<HarEntry> har = new ArrayList<>();
        List<ResponseExposure> exposed = new ArrayList<>();
        CheckpointResult checkpoint = raw.checkpoint();
        boolean judgeResponses = checkpoint != null && checkpoint.reached() && raw.checkpointText() != null;
        TypedValues typed = new TypedValues(raw.typed(), declared);
        for (RawRun.TimedExchange t : raw.exchanges()) {
            ObservedExchange x = t.exchange();
            boolean beforeConsent = consent != null && t.atMillis() < consent;
            String host = host(x.url());
            List<PiSighting> sent = PiScanner.sent(x);
            List<PiSighting> received = PiScanner.received(x);
            if (persona != null) {
                sent = PersonaPi.merged(sent, persona.sent(x));
                received = PersonaPi.merged(received, persona.received(x));
            }
            sent = typed.mark(sent, x, t.atMillis());
            exchanges.add(new NetworkExchange(x.requestId(), t.atMillis(), t.stepIndex(), beforeConsent,
                    x.method(), maskText(x.url()), host, x.url().startsWith("http://"), x.status(), sent, received));
            if (judgeResponses && t.atMillis() <= checkpoint.atMillis()) {
                for (ResponseExposure e : exposures.of(x, t.stepIndex(), host, raw.checkpointText(), checkpoint.screenshot())) {
                    exposed.add(new ResponseExposure(e.exchangeId(), e.stepIndex(), e.method(), maskText(e.url()), e.host(), e.kind(),
                            e.type(), e.where(), e.maskedValue(), e.screenshot()));
                }
            }
            har.add(new HarEntry(mask && persona != null ? persona.masked(x) : x, t.stepIndex(), beforeConsent));
        }
        List<StoredValue> storage = PiScanner.stored(raw.storage());
        if (persona != null) {
            List<StoredValue> withPersona = new ArrayList<>(storage.size());
            for (int i = 0; i < storage.size(); i++) {
                StoredValue v = storage.get(i);
                withPersona.add(new StoredValue(v.area(), v.origin(), persona.mask(raw.storage().entries().get(i).key()), v.size(),
                        PersonaPi.merged(v.pi(), persona.stored(raw.storage().entries().get(i)))));
            }
            storage = withPersona;
        }
        String harFile = files.relative("traffic.har");
        try {
            java.nio.file.Files.createDirectories(files.resolve("traffic.har").getParent());
            HarWriter.write(files.resolve("traffic.har"), new HarRun(io.permlab.pipeline.PermLabVersion.current(), raw.session(),
                    raw.id(), raw.startedAt(), har), mask);
        } catch (IOException e) {
            harFile = null; // the run's evidence stands without the HAR; the error is in the run's problems
        }
        List<RunProblem> problems = new ArrayList<>();
        for (RunProblem p : raw.problems()) {
            problems.add(new RunProblem(p.kind(), maskText(p.message()), p.stepIndex(), p.atMillis(), p.screenshot(), p.pageSource()));
        }
        if (harFile == null) {
            problems.add(new RunProblem("har", "the HAR file could not be written", 0, raw.durationMillis(), null, null));
        }
        List<StepRecord> steps = raw.steps().stream().map(s -> new StepRecord(s.index(), s.action(), maskText(s.description()),
                s.atMillis(), s.durationMillis(), s.ok(), maskText(s.error()), s.screenshot(), s.pageSource())).toList();
        CheckpointResult recorded = checkpoint == null ? null : new CheckpointResult(checkpoint.reached(), maskText(checkpoint.description()),
                maskText(checkpoint.detail()), checkpoint.atMillis(), checkpoint.screenshot(), checkpoint.reason().map(this::maskText));
        return new Run(raw.id(), raw.functionId(), raw.policy(), raw.session(), raw.startedAt(), raw.durationMillis(), raw.consentAtMillis(),
                raw.functionStartStep(), steps, requests, exchanges, storage, recorded, problems, harFile, raw.downloads(),
                raw.outcome(), raw.retryOf(), WebSecurityScan.scan(raw.exchanges()), exposed, events(raw));
    }

    /** The session's timeline, its texts (a modal's words) with the persona masked as the run's other texts are. */
    private List<io.permlab.model.dynamic.RunEvent> events(RawRun raw) {
        return raw.events().stream().map(e -> new io.permlab.model.dynamic.RunEvent(e.atMillis(), e.stepIndex(), e.kind(), e.api(),
                e.details().entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        en -> en.getValue() == null ? "" : maskText(en.getValue()))))).toList();
    }

    /**
     * A text of the run with the persona's values masked, when reports are masked: the persona is the tester's own
     * identity, known exactly, so it is masked where it is recorded (as the HAR is), not guessed at later.
     */
    private String maskText(String text) {
        return mask && persona != null ? persona.maskPersona(text) : text;
    }

    /** How the run's policy answered this permission. */
    static String decision(RunPolicy policy, String permission) {
        if (policy.kind() == RunPolicy.Kind.DENY && permission.equals(policy.permission())) {
            return "denied";
        }
        if (policy.kind() == RunPolicy.Kind.APPROXIMATE && permission.equals(policy.permission())) {
            return "approximate";
        }
        return "granted";
    }

    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
