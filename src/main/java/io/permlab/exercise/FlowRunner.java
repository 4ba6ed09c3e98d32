package io.permlab.exercise;

import io.permlab.model.Localized;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Download;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunProblem;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.model.flow.Action;
import io.permlab.model.flow.Flow;
import io.permlab.knowledge.pi.PiDetector;
import io.permlab.model.flow.Refusal;
import io.permlab.model.flow.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs one flow on one session and records the timeline: each step, every permission request (with the step it
 * happened in, whether consent had been given, a screenshot and the purpose visible), every network exchange, page
 * errors, the files it downloaded, the checkpoint, and what the page left in storage. A failing step stops the run with a screenshot and the
 * page source; it is the run's outcome, not an exception. After a refused run the page is opened again to see
 * whether it asks again on relaunch.
 */
public final class FlowRunner {
    /** The longest PermLab waits after a step for what it set off (requests, permission prompts) to settle. */
    private static final Duration SETTLE_MAX = Duration.ofMillis(1000);

    public record Options(boolean hideTypedText, long relaunchProbeMillis) {
        public static Options defaults() {
            return new Options(true, 2000);
        }
    }

    private final PurposeDetector purposes;
    private final Options options;

    public FlowRunner(PurposeDetector purposes, Options options) {
        this.purposes = purposes;
        this.options = options;
    }

    public RawRun run(Flow flow, Session session, RunPolicy policy, String runId, UnaryOperator<String> urls, ArtifactStore files) {
        return run(flow, session, policy, runId, urls, files, Deadline.none());
    }

    /**
     * Runs the flow; a step waits no longer than the deadline allows. A run cut short by a crash, a lost session or the
     * deadline is inconclusive, with the cause in one line; only a step that fails on its own makes the function fail.
     */
    public RawRun run(Flow flow, Session session, RunPolicy policy, String runId, UnaryOperator<String> urls, ArtifactStore files,
                      Deadline deadline) {
        return run(flow, session, policy, runId, urls, files, deadline, permission -> { });
    }

    /**
     * The same, telling {@code asked} each permission as soon as the page asks for it (the explorer starts a refused run
     * while the baseline is still going).
     */
    public RawRun run(Flow flow, Session session, RunPolicy policy, String runId, UnaryOperator<String> urls, ArtifactStore files,
                      Deadline deadline, Consumer<String> asked) {
        Recorder rec = new Recorder(session, files, options.hideTypedText(), asked);
        session.keepFilesIn(files);
        Long consentAt = null;
        CheckpointResult checkpoint = null;
        String checkpointText = null;
        Localized stoppedBy = null; // why the step that ended the run early failed, for the checkpoint's reason
        String firstUrl = null;
        String cutShort = null;
        boolean alive = true;
        ConsentSheetWatch sheet = null; // from the decline on, in the run that declines the policy
        for (Step step : flow.steps()) {
            if (deadline.passed()) {
                cutShort = "stopped before step " + step.number() + " (" + step.describe() + "): " + deadline.describe() + " was reached";
                break;
            }
            long at = rec.elapsed();
            boolean declines = declines(step, policy);
            if (step.action() == Action.CONSENT && !declines) {
                consentAt = at; // before the tap: whatever the consent tap triggers comes after consent
            }
            if (step.action() == Action.OPEN && firstUrl == null) {
                firstUrl = urls.apply(step.value());
            }
            SessionException failure = null;
            Session.Visibility seen = Session.Visibility.SEEN;
            List<Session.Dialog> answered = new ArrayList<>();
            try {
                seen = declines ? decline(step, session, deadline, answered) : perform(step, session, urls, deadline, answered);
            } catch (SessionException e) {
                failure = e;
            }
            rec.settle(step);
            String askedAgain = "";
            if (sheet != null && (failure == null || failure.kind().isFunctionEvidence())) {
                askedAgain = rec.sheetBack(sheet, step, failure == null && step.action() != Action.CHECKPOINT, deadline);
            }
            if (declines && failure == null && session.watchesConsentSheet()) {
                sheet = new ConsentSheetWatch(step, session);
            }
            rec.collect(step.index(), at, false, purposes);
            rec.answered(step, answered, declines);
            if (step.action() == Action.CHECKPOINT) {
                String shot = rec.screenshot(String.format("step-%02d-checkpoint.png", step.index()));
                boolean reached = failure == null && seen.visible();
                // how an absent checkpoint was decided: the page went quiet without it, or the step's timeout passed
                Localized reason = reached ? new Localized("已出现", "visible") : failure != null ? failure.reason() : seen.decidedBy();
                String detail = reason.en();
                checkpoint = new CheckpointResult(reached, step.describe(), detail, rec.elapsed(), shot, reason);
                if (reached) {
                    checkpointText = rec.quietText();
                }
                if (!reached) {
                    rec.failedStep(step, at, failure != null ? failure.getMessage() : detail);
                    if (failure != null) {
                        rec.problem(failure.kind().id(), failure.getMessage(), step.index());
                    }
                    cutShort = cutShort(step, failure, deadline);
                    alive = failure == null || failure.kind() != SessionException.Kind.BROWSER_CRASH;
                    break;
                }
            }
            String description = Recorder.withDialogs(declines ? step.describeRefusal() : step.describe(), answered) + askedAgain;
            if (failure != null) {
                stoppedBy = failure.reason();
                rec.failedStep(step, description, at, failure.getMessage());
                rec.problem(failure.kind().id(), failure.getMessage(), step.index());
                cutShort = cutShort(step, failure, deadline);
                alive = failure.kind() != SessionException.Kind.BROWSER_CRASH;
                break;
            }
            rec.okStep(step, description, at);
        }
        if (checkpoint == null) {
            StepRecord last = rec.steps.isEmpty() ? null : rec.steps.get(rec.steps.size() - 1);
            Localized reason = last != null && !last.ok() && stoppedBy != null
                    ? new Localized("未到达：第 " + Step.number(last.index()) + " 步失败：" + stoppedBy.zh(),
                    "not reached: step " + Step.number(last.index()) + " failed: " + stoppedBy.en())
                    : new Localized("未到达", "not reached");
            checkpoint = new CheckpointResult(false, checkpointOf(flow), reason.en(), rec.elapsed(), null, reason);
        }
        int lastStep = rec.steps.isEmpty() ? 0 : rec.steps.get(rec.steps.size() - 1).index();
        Evidence after = new Evidence(rec, lastStep, deadline);
        if (alive && cutShort == null && policy.kind() == RunPolicy.Kind.DENY && firstUrl != null && options.relaunchProbeMillis() > 0) {
            String url = firstUrl;
            long probe = Math.min(options.relaunchProbeMillis(), deadline.remainingMillis());
            cutShort = after.collect("relaunch probe", () -> {
                rec.relaunch(url, lastStep, probe, purposes);
                return Boolean.TRUE;
            }).cutShort();
        }
        ObservedStorage storage = new ObservedStorage(List.of());
        if (alive && cutShort == null) {
            Collected<ObservedStorage> read = after.collect("storage read", session::storage);
            cutShort = read.cutShort();
            storage = read.value() != null ? read.value() : storage;
        }
        if (alive) {
            rec.collect(lastStep, StepTimes.NO_CURRENT_STEP, true, purposes);
        }
        RunOutcome outcome = cutShort != null ? RunOutcome.inconclusive(cutShort) : RunOutcome.of(checkpoint.reached());
        return new RawRun(runId, flow.function(), policy, session.describe(), rec.started, rec.elapsed(), consentAt,
                flow.functionStartIndex(), rec.steps, rec.requests, rec.exchanges, storage, checkpoint, rec.problems, rec.downloads, outcome, null,
                checkpointText, rec.events, rec.typed);
    }

    /**
     * Why a failed step proves nothing about the function, or null when it does: a crash or lost session is not the
     * app's doing, nor is a wait the deadline cut short. Only an element that never came (in time) or stayed disabled is
     * the evidence.
     */
    private static String cutShort(Step step, SessionException failure, Deadline deadline) {
        String where = "step " + step.number() + " (" + step.describe() + "): ";
        if (deadline.passed()) {
            return where + deadline.describe() + " was reached";
        }
        if (failure != null && !failure.kind().isFunctionEvidence()) {
            return where + failure.getMessage();
        }
        return null;
    }

    /** An evidence-collection step after the flow (relaunch probe, storage read); a failure there is recorded, never dropped. */
    private record Evidence(Recorder rec, int lastStep, Deadline deadline) {
        interface Collection<T> {
            T run() throws SessionException;
        }

        /** Runs it; the value it collected, or why the run is inconclusive when it could not. */
        <T> Collected<T> collect(String what, Collection<T> collection) {
            String where = what + " after step " + Step.number(lastStep) + ": ";
            if (deadline.passed()) {
                return new Collected<>(null, where + "not done, " + deadline.describe() + " was reached");
            }
            try {
                return new Collected<>(collection.run(), null);
            } catch (SessionException e) {
                rec.problems.add(new RunProblem(e.kind().id(), what + " failed, its evidence is missing: " + e.getMessage(), lastStep,
                        rec.elapsed(), null, null));
                return new Collected<>(null, where + e.getMessage() + " (its evidence is missing)");
            }
        }
    }

    /** What an evidence-collection step returned (null when it failed), and why the run is inconclusive (null when it is not). */
    private record Collected<T>(T value, String cutShort) {
    }

    private static String checkpointOf(Flow flow) {
        return flow.steps().stream().filter(s -> s.action() == Action.CHECKPOINT).map(Step::describe).findFirst().orElse("checkpoint");
    }

    /** Whether this step is where the run declines the privacy policy instead of accepting it. */
    private static boolean declines(Step step, RunPolicy policy) {
        return policy.kind() == RunPolicy.Kind.REFUSE_CONSENT && step.action() == Action.CONSENT && !step.refuse().isEmpty();
    }

    /**
     * Does what declines the policy, in order, each within the step's timeout: taps its controls and answers the dialogs
     * they open (adding each to {@code answered}).
     */
    private static Session.Visibility decline(Step step, Session session, Deadline deadline, List<Session.Dialog> answered)
            throws SessionException {
        for (Refusal refusal : step.refuse()) {
            Duration timeout = Duration.ofMillis(Math.max(1, Math.min(step.timeoutMillis(), deadline.remainingMillis())));
            if (refusal.dialog() != null) {
                answered.add(session.answerDialog(refusal.dialog(), timeout));
            } else {
                session.tap(refusal.control(), timeout);
            }
        }
        return Session.Visibility.SEEN;
    }

    /**
     * Performs a step (a dialog it answers is added to {@code answered}); for checkpoints returns whether it was reached,
     * and when not, how that was decided.
     */
    private static Session.Visibility perform(Step step, Session session, UnaryOperator<String> urls, Deadline deadline,
                                              List<Session.Dialog> answered) throws SessionException {
        long millis = Math.max(1, Math.min(step.timeoutMillis(), deadline.remainingMillis()));
        Duration timeout = Duration.ofMillis(millis);
        switch (step.action()) {
            // without a timeout of its own, open waits the device profile's page-load timeout; the run's watchdog bounds it
            case OPEN -> session.open(urls.apply(step.value()), step.timeoutMillis() > 0 ? timeout : null);
            case TAP, CONSENT -> session.tap(step.locator(), timeout);
            case TYPE -> session.type(step.locator(), step.value(), timeout);
            case SELECT -> session.select(step.locator(), step.value(), timeout);
            case SCROLL -> session.scroll(step.locator(), timeout);
            case BACK -> session.back();
            case DIALOG -> answered.add(session.answerDialog(step.dialog(), timeout));
            case WAIT -> {
                if (step.locator() == null) {
                    sleep(millis);
                } else {
                    Session.Visibility v = session.awaitVisible(step.locator(), timeout);
                    if (!v.visible()) {
                        throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, v.decidedBy());
                    }
                }
            }
            case EXPECT -> {
                Session.Visibility v = session.awaitVisible(step.locator(), timeout);
                if (!v.visible()) {
                    throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, new Localized(
                            "预期可见的 " + step.locator() + " 未出现：" + v.decidedBy().zh(),
                            "expected " + step.locator() + " to be visible: " + v.decidedBy().en()));
                }
            }
            case CHECKPOINT -> {
                return session.awaitVisible(step.locator(), timeout);
            }
        }
        return Session.Visibility.SEEN;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The mutable side of one run: clock, records, and the files it leaves. */
    private static final class Recorder {
        final Session session;
        final ArtifactStore files;
        final boolean hideTypedText;
        final Instant started = Instant.now();
        final long startNanos = System.nanoTime();
        final List<StepRecord> steps = new ArrayList<>();
        final List<RawRun.TimedRequest> requests = new ArrayList<>();
        final List<RawRun.TimedExchange> exchanges = new ArrayList<>();
        final List<RunProblem> problems = new ArrayList<>();
        final List<Download> downloads = new ArrayList<>();
        final List<io.permlab.model.dynamic.RunEvent> events = new ArrayList<>();
        /** What the type steps typed, so the recorder can tell PI the user typed from PI the app gathered. */
        final List<RawRun.TypedText> typed = new ArrayList<>();
        final DownloadKeeper keeper;
        final Consumer<String> asked;
        boolean relaunched;

        Recorder(Session session, ArtifactStore files, boolean hideTypedText, Consumer<String> asked) {
            this.session = session;
            this.files = files;
            this.hideTypedText = hideTypedText;
            this.asked = asked;
            this.keeper = new DownloadKeeper(files);
        }

        long elapsed() {
            return (System.nanoTime() - startNanos) / 1_000_000;
        }

        long since(Instant at) {
            return Math.max(0, Duration.between(started, at).toMillis());
        }

        void settle(Step step) {
            if (step.action() != Action.WAIT && step.action() != Action.CHECKPOINT && step.action() != Action.EXPECT) {
                session.settle(SETTLE_MAX);
            }
        }

        /** What happened since the last collection; {@code stepStart}: when step {@code stepIndex} began, if it is running. */
        void collect(int stepIndex, long stepStart, boolean last, PurposeDetector purposes) {
            List<ObservedRequest> taken = session.takePermissionRequests(last);
            if (!taken.isEmpty()) {
                String shot = screenshot(String.format("step-%02d-%s.png", stepIndex, relaunched ? "relaunch-request" : "request"));
                String pageText = null;
                for (ObservedRequest r : taken) {
                    String text = r.visibleText();
                    if (!r.topFrame()) {
                        pageText = pageText != null ? pageText : quietText();
                        text = text + "\n" + pageText;
                    }
                    String purpose = purposes.purpose(r, text).orElse(null);
                    // by when it was asked, not when answered: a camera is answered once it is open, a step or two later
                    long at = since(r.at());
                    requests.add(new RawRun.TimedRequest(r, at, StepTimes.stepAt(steps, at, stepIndex, stepStart), relaunched, purpose, shot));
                    if (r.permission() != null) {
                        asked.accept(r.permission());
                    }
                }
            }
            for (ObservedExchange x : session.takeExchanges(last)) {
                // by when it began, not when it was taken: a response the page never reads is taken only at the run's end
                long at = since(x.startedAt());
                exchanges.add(new RawRun.TimedExchange(x, at, StepTimes.stepAt(steps, at, stepIndex, stepStart)));
            }
            for (ObservedDownload d : session.takeDownloads(last)) {
                long at = since(d.beganAt());
                downloads.add(keeper.keep(d, at, StepTimes.stepAt(steps, at, stepIndex, stepStart)));
            }
            for (ObservedEvent e : session.takeEvents()) {
                events.add(new io.permlab.model.dynamic.RunEvent(since(e.at()), stepIndex, e.kind(), e.api(), e.details()));
            }
            for (PageError e : session.takePageErrors()) {
                problems.add(new RunProblem("js-error", e.message() + (e.url() == null ? "" : " (" + e.url() + ":" + e.line() + ")"),
                        stepIndex, since(e.at()), null, null));
            }
        }

        private String quietText() {
            try {
                return session.visibleText();
            } catch (SessionException e) {
                return "";
            }
        }

        String screenshot(String name) {
            try {
                return files.save(name, session.screenshot(hideTypedText));
            } catch (SessionException e) {
                return null;
            }
        }

        /**
         * The dialogs a step answered, each on the timeline as a "dialog" entry: its kind, its words (PI masked) and the
         * answer given.
         */
        void answered(Step step, List<Session.Dialog> dialogs, boolean declines) {
            long now = elapsed();
            for (Session.Dialog d : dialogs) {
                java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
                details.put("message", PiDetector.mask(d.message()));
                details.put("answer", d.answer());
                if (declines) {
                    details.put("declining", "true");
                }
                events.add(new io.permlab.model.dynamic.RunEvent(now, step.index(), "dialog", d.kind(), details));
            }
        }

        /**
         * After a step of the run that declined the policy: when the privacy sheet is back, a "consent-asked-again" entry
         * on the timeline with a screenshot, and, when {@code declineAgain} (the flow goes on), the consent step's
         * "refuse" done once more, as a user who keeps saying no would; a dialog it answers is on the timeline too.
         * Returns what to add to the step's description ("" when the sheet is not back).
         */
        String sheetBack(ConsentSheetWatch sheet, Step step, boolean declineAgain, Deadline deadline) {
            if (!sheet.cameBack(session)) {
                return "";
            }
            long at = elapsed();
            String shot = screenshot(String.format("step-%02d-consent-again.png", step.index()));
            java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
            details.put("locator", sheet.consent().locator().toString());
            if (shot != null) {
                details.put("screenshot", shot);
            }
            List<Session.Dialog> dialogs = new ArrayList<>();
            boolean declined = false;
            if (declineAgain) {
                try {
                    decline(sheet.consent(), session, deadline, dialogs);
                    session.settle(SETTLE_MAX);
                    declined = true;
                } catch (SessionException e) {
                    // the next step meets the sheet (or the lost session) and says so; the return is evidence either way
                    details.put("declineFailed", PiDetector.mask(e.getMessage()));
                }
                sheet.lookAgain(session);
            }
            details.put("declinedAgain", Boolean.toString(declined));
            events.add(new io.permlab.model.dynamic.RunEvent(at, step.index(), io.permlab.model.dynamic.RunEvent.CONSENT_ASKED_AGAIN, null, details));
            answered(step, dialogs, true);
            String outcome = !declineAgain ? "" : declined ? ", declined again" : ", declining again failed";
            return withDialogs(" (privacy sheet back" + outcome, dialogs) + ")";
        }

        /** "dialog accept (confirm \"确定不同意？\")": the step as written, then what each dialog it answered said (PI masked). */
        static String withDialogs(String description, List<Session.Dialog> dialogs) {
            StringBuilder sb = new StringBuilder(description);
            for (Session.Dialog d : dialogs) {
                sb.append(" (").append(d.kind()).append(" \"").append(PiDetector.mask(d.message())).append("\")");
            }
            return sb.toString();
        }

        void okStep(Step step, String description, long at) {
            if (step.action() == Action.TYPE) {
                typed.add(new RawRun.TypedText(step.index(), at, step.value()));
            }
            steps.add(new StepRecord(step.index(), step.action().id(), description, at, elapsed() - at, true, null, null, null));
        }

        void failedStep(Step step, long at, String error) {
            failedStep(step, step.describe(), at, error);
        }

        void failedStep(Step step, String description, long at, String error) {
            String shot = screenshot(String.format("step-%02d-failed.png", step.index()));
            String source = null;
            try {
                source = files.saveText(String.format("step-%02d-page.html", step.index()), session.pageSource());
            } catch (SessionException ignored) {
                // the page is gone (crash): the screenshot attempt above already failed too
            }
            steps.add(new StepRecord(step.index(), step.action().id(), description, at, elapsed() - at, false, error, shot, source));
        }

        void problem(String kind, String message, int step) {
            StepRecord s = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            problems.add(new RunProblem(kind, message, step, elapsed(), s == null ? null : s.screenshot(), s == null ? null : s.pageSource()));
        }

        /** Opens the page again, as a user relaunching the app, and watches for requests for a while. */
        void relaunch(String url, int lastStep, long probeMillis, PurposeDetector purposes) throws SessionException {
            collect(lastStep, StepTimes.NO_CURRENT_STEP, false, purposes);
            relaunched = true;
            session.open(url, null);
            // what a page asks on relaunch it asks while loading: watching ends once it is quiet, probeMillis at most
            session.awaitQuiet(Duration.ofMillis(probeMillis));
            collect(lastStep, StepTimes.NO_CURRENT_STEP, false, purposes);
        }
    }
}
