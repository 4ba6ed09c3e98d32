package io.permlab.cli;

import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.exercise.FlowRunner;
import io.permlab.inspect.InspectionLimits;
import io.permlab.model.RunResult;
import io.permlab.model.TargetResult;
import io.permlab.pipeline.StaticBatch;
import io.permlab.pipeline.dynamic.DynamicBatch;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code permlab demo}: the bundled samples in one report — the static scan of the Android and mini-program samples
 * and the exercise of the H5 samples in local headless Chromium — each non-compliant sample beside its compliant twin.
 */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "demo",
        description = {"Inspect the bundled samples under apps/ in one report: 'scan' for the Android and mini-program "
                + "samples, 'run' for the H5 samples (local headless Chromium). Each non-compliant sample has a compliant twin."},
        footerHeading = "%nExample:%n",
        footer = {"  permlab demo --out reports/demo      then open reports/demo/index.html"})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReportingOptions options;

    @Override
    public Integer call() {
        Path apps = PermLabHome.dir().resolve("apps");
        return Inspecting.run("demo", options, spec.commandLine().getErr(), (knowledge, outDir, listener) -> {
            DeviceProfile profile;
            try {
                profile = DeviceProfiles.load(PermLabHome.dir().resolve("devices/local-chromium.json"));
            } catch (DeviceProfiles.InvalidProfileException e) {
                throw new Inspecting.UsageException(e.getMessage());
            }
            Instant started = Instant.now();
            List<TargetResult> all = new ArrayList<>();
            all.addAll(new StaticBatch(knowledge, InspectionLimits.defaults())
                    .run(List.of(apps), options.category, outDir.resolve(".work"), Version.current(), listener).targets());
            DynamicOptions dynamic = new DynamicOptions(profile, SessionChoice.local(), !options.unmasked,
                    new FlowRunner.Options(!options.unmasked, 2000), PermLabHome.dir());
            all.addAll(new DynamicBatch(knowledge, dynamic).run(List.of(apps), options.category, outDir, Version.current(), listener).targets());
            return new RunResult("demo", "PermLab", Version.current(), started, Instant.now(), all);
        });
    }
}
