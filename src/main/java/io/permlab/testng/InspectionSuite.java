package io.permlab.testng;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.permlab.model.Finding;
import io.permlab.model.RunResult;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StepRecord;
import org.testng.ITest;
import org.testng.ITestContext;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PermLab's inspections as a TestNG suite (tests/testng.xml), for QA teams: one test per target × function ×
 * policy, its flow replayed as Allure steps with the screenshots, the HAR and the permission log attached. A test
 * fails when its run proves a finding (the refused run of a forced permission, the baseline's traffic and storage).
 * Parameters (testng.xml): targets (comma-separated paths), device (profile file), out (output folder).
 */
public class InspectionSuite implements ITest {
    private static RunResult result;
    private static Path outDir;

    private final RunCase run;

    @Factory(dataProvider = "runs")
    public InspectionSuite(RunCase run) {
        this.run = run;
    }

    @DataProvider(name = "runs")
    public static Iterator<Object[]> runs(ITestContext context) throws Exception {
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        String targets = parameter(context, "targets", "apps");
        Path device = home.resolve(parameter(context, "device", "devices/local-chromium.json"));
        String out = System.getProperty("permlab.inspections.out");
        outDir = out != null && !out.isBlank() ? Paths.get(out).toAbsolutePath() : home.resolve(parameter(context, "out", "target/inspections"));
        List<Path> paths = Arrays.stream(targets.split(",")).map(String::trim).map(home::resolve).toList();
        result = InspectionCases.inspect(paths, home, device, outDir);
        return InspectionCases.cases(result).stream().map(c -> new Object[]{c}).iterator();
    }

    private static String parameter(ITestContext context, String name, String fallback) {
        String v = context.getCurrentXmlTest().getParameter(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Override
    public String getTestName() {
        return run.name();
    }

    @Test
    public void functionRun() {
        name(run);
        if (!run.inspected()) {
            // not an AssertionError: Allure shows it as broken, an inconclusive inspection rather than a finding
            throw new IllegalStateException(run.target().target().name() + " could not be inspected, so nothing was judged: "
                    + run.target().errors().stream().map(e -> e.oneLine()).collect(Collectors.joining("; ")));
        }
        replay(run.run());
        attachHar(run.run().harFile());
        Allure.addAttachment("permission requests", "text/plain", permissionLog(run.run()));
        if (!run.findings().isEmpty()) {
            String messages = run.findings().stream()
                    .map(f -> "[" + f.severity().id() + "] " + f.ruleId() + " — " + f.message().en() + " ("
                            + f.legalBasis().stream().map(l -> l.citation()).collect(Collectors.joining("; ")) + ")")
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(run.findings().size() + " finding(s) in " + run.name() + ":\n" + messages);
        }
        if (run.run().policy().kind() == io.permlab.model.dynamic.RunPolicy.Kind.GRANT && !run.run().passed()) {
            throw new AssertionError("the baseline run did not reach its checkpoint: " + run.run().checkpoint().detail());
        }
    }

    /**
     * Names the Allure result after its run and gives it its own history, so the report lists one test per run, not one
     * test retried; epic, feature and story are target, function and policy.
     */
    private static void name(RunCase c) {
        String name = c.name();
        Allure.getLifecycle().updateTestCase(tc -> {
            tc.setName(name);
            tc.setFullName("io.permlab.testng.InspectionSuite." + name);
            tc.setHistoryId(Integer.toHexString(name.hashCode()) + "-" + name.length());
            tc.setTestCaseId(tc.getHistoryId());
            tc.getLabels().removeIf(l -> "subSuite".equals(l.getName()));
            tc.getLabels().add(new Label().setName("subSuite").setValue(c.target().target().id()));
        });
        Allure.epic(c.target().target().name());
        if (!c.inspected()) {
            return;
        }
        Allure.feature(c.function().functionName());
        Allure.story(c.run().policy().id());
        Allure.parameter("policy", c.run().policy().id());
    }

    /**
     * The run's timeline as Allure steps: each flow step with its screenshot (a failed step is marked failed but does
     * not stop the replay: the findings, the HAR and the permission log still follow), each permission request.
     */
    private static void replay(Run r) {
        for (StepRecord s : r.steps()) {
            step(s.description() + (s.ok() ? "" : " — " + s.error()), s.ok() ? Status.PASSED : Status.FAILED, s.screenshot());
        }
        for (PermissionRequest p : r.requests()) {
            step("permission request: " + p.permission() + " via " + p.api() + " → " + p.outcome()
                    + (p.beforeConsent() ? " (before consent)" : ""), Status.PASSED, p.screenshot());
        }
        step("checkpoint: " + r.checkpoint().description() + " — " + (r.passed() ? "reached" : r.checkpoint().detail()),
                r.passed() ? Status.PASSED : Status.FAILED, r.checkpoint().screenshot());
    }

    private static void step(String name, Status status, String screenshot) {
        String uuid = UUID.randomUUID().toString();
        Allure.getLifecycle().startStep(uuid, new StepResult().setName(name).setStatus(status));
        if (screenshot != null) {
            attachFile(screenshot);
        }
        Allure.getLifecycle().stopStep(uuid);
    }

    private static String permissionLog(Run r) {
        return r.requests().stream().map(p -> String.format("%6d ms  step %d  %s  %s %s -> %s  %s%s", p.atMillis(), io.permlab.model.flow.Step.number(p.stepIndex()),
                p.permission(), p.api(), p.options(), p.outcome(), p.beforeConsent() ? "before-consent " : "",
                p.purposeVisible() ? "purpose: " + p.purposeText() : "no purpose shown")).collect(Collectors.joining("\n"));
    }

    private static void attachHar(String relative) {
        if (relative == null) {
            return;
        }
        Path file = outDir.resolve(relative);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Allure.addAttachment("traffic.har", "application/json", in, ".har");
            } catch (IOException e) {
                Allure.addAttachment("traffic.har (unreadable)", "text/plain", e.getMessage());
            }
        }
    }

    private static void attachFile(String relative) {
        Path file = outDir.resolve(relative);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                Allure.addAttachment(file.getFileName().toString(), "image/png", in, ".png");
            } catch (IOException e) {
                Allure.addAttachment(relative + " (unreadable)", "text/plain", e.getMessage());
            }
        }
    }

    /** The inspection's outcome, for whoever drives the suite programmatically. */
    public static RunResult result() {
        return result;
    }
}
