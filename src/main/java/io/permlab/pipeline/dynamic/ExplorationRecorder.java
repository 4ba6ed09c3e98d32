package io.permlab.pipeline.dynamic;

import io.permlab.capture.HarEntry;
import io.permlab.capture.HarRun;
import io.permlab.capture.HarWriter;
import io.permlab.capture.PiScanner;
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
 * start. Files go to {@code runs/<target>/<run>/} under the output folder.
 */
final class ExplorationRecorder implements RunRecorder {
    private final java.nio.file.Path outDir;
    private final String root;
    private final boolean mask;

    ExplorationRecorder(java.nio.file.Path outDir, String root, boolean mask) {
        this.outDir = outDir;
        this.root = root;
        this.mask = mask;
    }

    @Override
    public ArtifactStore filesFor(String functionId, String runId) {
        return new FileArtifacts(outDir, root + "/" + runId);
    }

    @Override
    public Run record(RawRun raw) {
        FileArtifacts files = new FileArtifacts(outDir, root + "/" + raw.id());
        Long consent = raw.consentAtMillis();
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
        for (RawRun.TimedExchange t : raw.exchanges()) {
            boolean beforeConsent = consent != null && t.atMillis() < consent;
            String host = host(t.exchange().url());
            exchanges.add(new NetworkExchange(t.exchange().requestId(), t.atMillis(), t.stepIndex(), beforeConsent,
                    t.exchange().method(), t.exchange().url(), host, t.exchange().url().startsWith("http://"),
                    t.exchange().status(), PiScanner.sent(t.exchange()), PiScanner.received(t.exchange())));
            har.add(new HarEntry(t.exchange(), t.stepIndex(), beforeConsent));
        }
        List<StoredValue> storage = PiScanner.stored(raw.storage());
        String harFile = files.relative("traffic.har");
        try {
            java.nio.file.Files.createDirectories(files.resolve("traffic.har").getParent());
            HarWriter.write(files.resolve("traffic.har"), new HarRun(io.permlab.pipeline.PermLabVersion.current(), raw.session(),
                    raw.id(), raw.startedAt(), har), mask);
        } catch (IOException e) {
            harFile = null; // the run's evidence stands without the HAR; the error is in the run's problems
        }
        List<io.permlab.model.dynamic.RunProblem> problems = new ArrayList<>(raw.problems());
        if (harFile == null) {
            problems.add(new io.permlab.model.dynamic.RunProblem("har", "the HAR file could not be written", 0, raw.durationMillis(), null, null));
        }
        return new Run(raw.id(), raw.functionId(), raw.policy(), raw.session(), raw.startedAt(), raw.durationMillis(), consent,
                raw.functionStartStep(), raw.steps(), requests, exchanges, storage, raw.checkpoint(), problems, harFile, raw.downloads(),
                raw.outcome(), raw.retryOf(), WebSecurityScan.scan(raw.exchanges()));
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
