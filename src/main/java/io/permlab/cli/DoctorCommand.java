package io.permlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code permlab doctor}: what is installed, what is missing, how to fix it. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "doctor",
        description = {"Check the tools PermLab uses: Java, Chromium and ChromeDriver (H5 and mini-program web builds), "
                + "adb and attached devices (Android), aapt (manifest cross-check), Node.js, the mini-program runtime (miniprogram-simulate, jsdom, wcc) and the pinned Appium server.",
                "Exit code 0 when everything 'scan' and the demo need is present, 5 when something required is missing."})
final class DoctorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<EnvironmentCheck.Result> results = EnvironmentCheck.all(PermLabHome.dir());
        boolean requiredMissing = false;
        for (EnvironmentCheck.Result r : results) {
            out.printf("%-6s %-22s %s%n", r.status().label(), r.name(), r.detail());
            if (r.status() != EnvironmentCheck.Status.OK && r.fix() != null) {
                out.printf("%-6s %-22s fix: %s%n", "", "", r.fix());
            }
            requiredMissing |= r.required() && r.status() == EnvironmentCheck.Status.MISSING;
        }
        out.println(requiredMissing ? "Something required is missing (see 'fix' lines)." : "Everything required is present.");
        return (requiredMissing ? ExitCode.FINISHED_WITH_ERRORS : ExitCode.CLEAN).code();
    }
}
