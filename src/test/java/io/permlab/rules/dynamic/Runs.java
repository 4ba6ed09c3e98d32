package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Evidence;
import io.permlab.model.Finding;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.dynamic.CheckpointResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.NetworkExchange;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.PiSighting;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunOutcome;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.dynamic.StepRecord;
import io.permlab.model.dynamic.StoredValue;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleEngine;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built runs for the dynamic rules' tests: a baseline and its variants, with exactly the facts a case needs. */
final class Runs {
    private Runs() {
    }

    static final class RunBuilder {
        final RunPolicy policy;
        String functionId = "add-address";
        boolean passed = true;
        String cause;
        Long consentAt = 1000L;
        int functionStart = 2;
        final List<PermissionRequest> requests = new ArrayList<>();
        final List<NetworkExchange> exchanges = new ArrayList<>();
        final List<StoredValue> storage = new ArrayList<>();
        final List<StepRecord> steps = new ArrayList<>();
        final List<io.permlab.model.dynamic.RunEvent> events = new ArrayList<>();

        RunBuilder(RunPolicy policy) {
            this.policy = policy;
        }

        /** A run of another function than add-address. */
        RunBuilder of(String function) {
            functionId = function;
            return this;
        }

        RunBuilder failed() {
            passed = false;
            return this;
        }

        /** Cut short by something other than the app (a crash, a lost session, a timeout). */
        RunBuilder inconclusive(String cause) {
            passed = false;
            this.cause = cause;
            return this;
        }

        /** A step that ran and worked ("tap", "type", "wait"…), starting at {@code at} ms. */
        RunBuilder step(int index, String action, long at) {
            steps.add(new StepRecord(index, action, action + " css=#s" + index, at, 100, true, null, null, null));
            return this;
        }

        /** The privacy sheet seen again after step {@code step}, as the flow runner records it (with its screenshot). */
        RunBuilder consentAskedAgain(int step, long at) {
            events.add(new io.permlab.model.dynamic.RunEvent(at, step, "consent-asked-again", null, Map.of("locator", "css=#agree",
                    "screenshot", "runs/x/" + id() + String.format("/step-%02d-consent-again.png", step), "declinedAgain", "true")));
            return this;
        }

        RunBuilder noConsentStep() {
            consentAt = null;
            return this;
        }

        RunBuilder request(String permission, long at, int step, String outcome, String purpose) {
            return request(permission, at, step, outcome, purpose, false);
        }

        /** What the observer reads from the shim's outcome text (PermissionObserver.answer). */
        private static io.permlab.model.dynamic.RequestAnswer answer(String outcome) {
            return outcome == null ? io.permlab.model.dynamic.RequestAnswer.UNKNOWN
                    : outcome.startsWith("error") ? io.permlab.model.dynamic.RequestAnswer.FAILED
                    : outcome.startsWith("success") ? io.permlab.model.dynamic.RequestAnswer.SUCCEEDED
                    : io.permlab.model.dynamic.RequestAnswer.UNKNOWN;
        }

        /** The accuracy the shim reports with a position ("success:accuracy=2000"), as the observer reads it. */
        private static Integer accuracy(String outcome) {
            return outcome != null && outcome.startsWith("success:accuracy=") ? Integer.valueOf(outcome.substring(17)) : null;
        }

        RunBuilder request(String permission, long at, int step, String outcome, String purpose, boolean afterRelaunch) {
            requests.add(new PermissionRequest(permission, "navigator.geolocation.getCurrentPosition", Map.of("enableHighAccuracy", "true"),
                    at, step, "http://waimai.example", "http://waimai.example/index.html", true,
                    consentAt != null && at < consentAt, step < functionStart, afterRelaunch, purpose != null, purpose,
                    "granted", outcome, answer(outcome), accuracy(outcome), "runs/x/" + id() + "/step-0" + step + "-request.png"));
            return this;
        }

        RunBuilder sent(String method, String url, long at, PiSighting... pi) {
            String host = java.net.URI.create(url).getHost();
            exchanges.add(new NetworkExchange("r" + exchanges.size(), at, 0, consentAt != null && at < consentAt, method, url, host,
                    url.startsWith("http://"), 200, List.of(pi), List.of()));
            return this;
        }

        /** An exchange sent during step {@code step} (the other helpers place theirs at step 0). */
        RunBuilder sentAtStep(int step, String url, long at, PiSighting... pi) {
            exchanges.add(new NetworkExchange("r" + exchanges.size(), at, step, consentAt == null || at < consentAt, "GET", url,
                    java.net.URI.create(url).getHost(), url.startsWith("http://"), 200, List.of(pi), List.of()));
            return this;
        }

        RunBuilder stored(String area, String key, PiSighting... pi) {
            storage.add(new StoredValue(area, "http://waimai.example", key, 11, List.of(pi)));
            return this;
        }

        String id() {
            return functionId + "-" + policy.id();
        }

        Run build() {
            StepRecord failing = new StepRecord(7, "tap", "tap css=#save", 5000, 5000, false, "css=#save is on screen but stayed disabled",
                    "runs/x/" + id() + "/step-07-failed.png", "runs/x/" + id() + "/step-07-page.html");
            List<StepRecord> ran = new ArrayList<>(steps);
            if (!passed) {
                ran.add(failing);
            }
            return new Run(id(), functionId, policy, "test", Instant.EPOCH, 6000, consentAt, functionStart, ran, requests,
                    exchanges, storage, new CheckpointResult(passed, "checkpoint text=地址已保存",
                    passed ? "visible" : "not reached: step 7 failed: css=#save is on screen but stayed disabled", 5900,
                    "runs/x/" + id() + "/step-08-checkpoint.png"), List.of(), "runs/x/" + id() + "/traffic.har",
                    List.of(), cause != null ? RunOutcome.inconclusive(cause) : RunOutcome.of(passed), null, List.of(), List.of(), events);
        }
    }

    static RunBuilder baseline() {
        return new RunBuilder(RunPolicy.baseline());
    }

    static RunBuilder denied(String permission) {
        return new RunBuilder(RunPolicy.deny(permission));
    }

    /** The run that declined the policy at step 1: no consent, the decline itself completed. */
    static RunBuilder declinedConsent() {
        RunBuilder b = new RunBuilder(RunPolicy.refuseConsent());
        b.consentAt = null;
        return b.step(0, "open", 0).step(1, "consent", 800);
    }

    static RunBuilder approximate() {
        return new RunBuilder(RunPolicy.approximateLocation());
    }

    static PiSighting phone(String where) {
        return new PiSighting("MOBILE_PHONE", where, "138****5678", 0);
    }

    static PiSighting coords(String where, int decimals) {
        return new PiSighting("COORDINATES", where, "31.23****,121.47****", decimals);
    }

    /** A function explored with these runs; effects compare each variant with the baseline. */
    static Exploration exploration(Run baseline, Run... variants) {
        List<Run> runs = new ArrayList<>(List.of(baseline));
        List<PermissionEffect> effects = new ArrayList<>();
        for (Run v : variants) {
            runs.add(v);
            effects.add(new PermissionEffect(v.policy().permission(), v.policy().kind(), baseline.id(), baseline.passed(), v.id(), v.passed(),
                    !baseline.inconclusive() && !v.inconclusive()));
        }
        return new Exploration("http://waimai.example/index.html", List.of("waimai.example"), "test",
                List.of(new FunctionExploration("add-address", "新增收货地址", "tests/x/add-address.flow.json", runs, effects)));
    }

    /** The run with the security flaws its traffic showed. */
    static Run withFlaws(Run r, io.permlab.model.dynamic.WebSecurityFlaw... flaws) {
        return new Run(r.id(), r.functionId(), r.policy(), r.session(), r.startedAt(), r.durationMillis(), r.consentAtMillis(),
                r.functionStartStep(), r.steps(), r.requests(), r.exchanges(), r.storage(), r.checkpoint(), r.problems(), r.harFile(),
                r.downloads(), r.outcome(), r.retryOf(), List.of(flaws));
    }

    /** The run with what its responses carried beyond the page. */
    static Run withExposures(Run r, List<io.permlab.model.dynamic.ResponseExposure> exposures) {
        return new Run(r.id(), r.functionId(), r.policy(), r.session(), r.startedAt(), r.durationMillis(), r.consentAtMillis(),
                r.functionStartStep(), r.steps(), r.requests(), r.exchanges(), r.storage(), r.checkpoint(), r.problems(), r.harFile(),
                r.downloads(), r.outcome(), r.retryOf(), r.securityFlaws(), exposures);
    }

    /** A function explored with these runs (no effects), for explorations of several functions. */
    static FunctionExploration function(String id, String name, Run... runs) {
        return new FunctionExploration(id, name, "tests/x/" + id + ".flow.json", List.of(runs), List.of());
    }

    /** A target whose exploration covers these functions, in this order. */
    static Exploration explorationOf(FunctionExploration... functions) {
        return new Exploration("http://waimai.example/index.html", List.of("waimai.example"), "test", List.of(functions));
    }

    static List<Finding> findings(Rule rule, Exploration exploration, String category) {
        return findings(rule, exploration, category, KnowledgeBase.builtIn());
    }

    /** The findings under a given knowledge base (one with overridden rule parameters, say). */
    static List<Finding> findings(Rule rule, Exploration exploration, String category, KnowledgeBase kb) {
        return findings(List.of(rule), exploration, category, kb);
    }

    /** The findings of several rules judging the same evidence, in the order given. */
    static List<Finding> findings(List<Rule> rules, Exploration exploration, String category) {
        return findings(rules, exploration, category, KnowledgeBase.builtIn());
    }

    private static List<Finding> findings(List<Rule> rules, Exploration exploration, String category, KnowledgeBase kb) {
        Target target = new Target("demo", "demo", TargetKind.H5, Paths.get("apps/demo"), category == null ? null : kb.category(category).id(), List.of());
        RuleEngine.Outcome outcome = new RuleEngine(kb, rules).run(Evidence.of(target, exploration),
                category == null ? null : kb.category(category));
        if (!outcome.errors().isEmpty()) {
            throw new AssertionError("the rule failed: " + outcome.errors());
        }
        return outcome.findings();
    }
}
