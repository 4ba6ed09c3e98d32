package io.permlab.cli;

import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.RunResult;
import io.permlab.pipeline.ExpectationCheck;
import io.permlab.model.TargetKind;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import io.permlab.pipeline.TargetSpec;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code permlab demo}: the bundled samples in one report — the static scan of the Android and mini-program samples
 * and the exercise of the H5 samples in local headless Chromium — each non-compliant sample beside its compliant twin.
 */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "demo",
        description = {"Inspect the bundled samples under apps/ in one report: 'scan' for the Android samples, 'run' for the H5 "
                + "samples (local headless Chromium) and the mini-program samples (PermLab's runtime, node). Each non-compliant sample has a compliant twin.",
                "A self-check: exit 0 when every sample concluded what its target.json \"expect\" says, 3 naming one that did not."},
        footerHeading = "%nExample:%n",
        footer = {"  permlab demo --out reports/demo      then open reports/demo/index.html",
                "",
                "The demo checks itself: each sample's target.json says what to expect,",
                "\"expect\": \"findings\" or \"clean\". Exit codes: 0 every sample as expected,",
                "3 a sample disagreed (named on the console), 5 a sample could not be",
                "inspected, 2 usage error, 1 internal error."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReportingOptions options;

    @Override
    public Integer call() {
        Path apps = PermLabHome.dir().resolve("apps");
        return Inspecting.run("demo", options, spec.commandLine().getErr(), (knowledge, dialogs, outDir, listener) -> {
            DeviceProfile profile;
            try {
                profile = DeviceProfiles.load(PermLabHome.dir().resolve("devices/local-chromium.json"));
            } catch (DeviceProfiles.InvalidProfileException e) {
                throw new Inspecting.UsageException(e.getMessage());
            }
            DynamicOptions dynamic = new DynamicOptions(profile, SessionChoice.local(), !options.unmasked,
                    new FlowRunner.Options(!options.unmasked, 2000), PermLabHome.dir());
            Set<TargetKind> every = EnumSet.copyOf(Pipelines.STATIC_KINDS);
            every.addAll(Pipelines.DEMO_EXERCISED_KINDS);
            Instant started = Instant.now();
            // The static samples first: their results are on screen in seconds, the browser and runtime runs take a minute.
            List<TargetSpec> samples = new TargetLoader(knowledge, options.category, every).load(List.of(apps)).stream()
                    .sorted(Comparator.comparing(s -> Pipelines.DEMO_EXERCISED_KINDS.contains(s.target().kind()))).toList();
            return Pipelines.demo(knowledge, InspectionLimits.defaults(), dynamic, outDir).run("demo", samples, started,
                    Pipelines.workRoot(outDir), Version.current(), listener);
        }, (result, threshold, problems, err) -> selfCheck(result, problems, err));
    }

    /**
     * The demo is a self-check: every sample whose target.json expects findings must have some, every one expecting
     * clean must have none, and none may end in errors. --fail-on does not apply; findings are what the demo shows.
     */
    static ExitCode selfCheck(RunResult result, List<String> reportProblems, PrintWriter err) {
        ExpectationCheck.Outcome check = ExpectationCheck.check(result.targets());
        check.disagreements().forEach(d -> err.println("self-check: " + d.target() + ": " + d.reason()));
        if (check.passed()) {
            err.println("self-check passed: " + check.flagged() + " non-compliant sample(s) flagged, " + check.clean()
                    + " compliant twin(s) clean.");
        } else {
            err.println("self-check FAILED: " + check.disagreements().size() + " of " + check.checked()
                    + " sample(s) disagree with the \"expect\" in their target.json.");
        }
        if (result.errorCount() > 0 || !reportProblems.isEmpty()) {
            return ExitCode.FINISHED_WITH_ERRORS;
        }
        return check.passed() ? ExitCode.CLEAN : ExitCode.SELF_CHECK_FAILED;
    }
}
