package io.permlab.cli;

import io.permlab.batch.CampaignRunner;
import io.permlab.batch.JournalException;
import io.permlab.batch.Manifest;
import io.permlab.batch.ManifestException;
import io.permlab.batch.ManifestReader;
import io.permlab.batch.PipelineInspector;
import io.permlab.pipeline.dynamic.DynamicOptions;
import io.permlab.pipeline.dynamic.SessionChoice;
import io.permlab.report.campaign.CampaignReports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code permlab batch}: a campaign from a manifest, journalled so that it survives a kill and resumes. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "batch",
        description = {"Inspect a campaign: every app of a manifest (CSV or JSON; columns name, operator, version, category, "
                + "target, device, or 名称, 运营者, 版本, 类别, 目标, 设备), static targets on every core, H5 targets on --parallel "
                + "browser sessions (local Chromium or a Selenium Grid).",
                "Each target's state and result are committed to batch-journal.sqlite in --out as they finish: after a crash, a "
                        + "reboot or kill -9, --resume inspects what was not finished and nothing twice. Rows with mistakes are "
                        + "reported with row and column; the other rows run.",
                "Writes what 'scan' and 'run' write, plus campaign.html (rewritten as the batch goes), campaign.xlsx and campaign.csv."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  permlab batch campaign.csv --out reports/2026-q4",
                "  permlab batch campaign.csv --out reports/2026-q4 --grid http://grid:4444 --parallel 8",
                "  # after a crash, a reboot or kill -9",
                "  permlab batch campaign.csv --out reports/2026-q4 --resume"})
final class BatchCommand implements Callable<Integer> {
    /** A transient failure (lost session, crashed browser, Grid node gone) gets this many attempts in all. */
    static final int MAX_ATTEMPTS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The campaign manifest (.csv or .json); targets are relative to it.")
    Path manifestFile;

    @CommandLine.Mixin
    ReportingOptions options;

    @Option(names = "--resume", description = "Go on with the campaign journalled in --out: finished targets are kept, the others inspected "
            + "(with no journal there yet, the campaign starts).")
    boolean resume;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Browser sessions at once for H5 targets (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--runs-at-once", paramLabel = "N",
            description = "Runs of one exploration with a session open at once (default: 2 with --parallel 1, else 1: the targets "
                    + "already share the sessions; at most --parallel × N sessions are open).")
    Integer runsAtOnce;

    @Option(names = "--grid", paramLabel = "URL", description = "Run H5 targets' sessions on a Selenium Grid instead of local Chromium.")
    URL grid;

    @Option(names = "--device", paramLabel = "FILE", description = "Device profile for rows without one (default: devices/local-chromium.json).")
    Path device;

    @Override
    public Integer call() {
        if (parallel < 1) {
            spec.commandLine().getErr().println("permlab batch: --parallel must be at least 1");
            return ExitCode.USAGE_ERROR.code();
        }
        if (runsAtOnce != null && runsAtOnce < 1) {
            spec.commandLine().getErr().println("permlab batch: --runs-at-once must be at least 1");
            return ExitCode.USAGE_ERROR.code();
        }
        int runsPerExploration = runsAtOnce != null ? runsAtOnce : parallel == 1 ? DynamicOptions.DEFAULT_RUNS_AT_ONCE : 1;
        if (options.out == null) {
            spec.commandLine().getErr().println("permlab batch: --out is required (the campaign's journal lives there, for --resume)");
            return ExitCode.USAGE_ERROR.code();
        }
        List<String> campaignProblems = new ArrayList<>();
        return Inspecting.run("batch", options, spec.commandLine().getErr(), (knowledge, dialogs, outDir, listener) -> {
            Manifest manifest;
            try {
                manifest = new ManifestReader(knowledge).read(manifestFile);
            } catch (ManifestException e) {
                throw new Inspecting.UsageException(e.getMessage());
            }
            manifest.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr().println(TerminalText.clean(
                    "permlab batch: " + p.oneLine() + " (row not run)"))));
            Path home = PermLabHome.dir();
            PipelineInspector inspector = new PipelineInspector(knowledge, outDir, new PipelineInspector.Dynamic(
                    device != null ? device : home.resolve("devices/local-chromium.json"),
                    grid != null ? SessionChoice.grid(grid) : SessionChoice.local(), !options.unmasked, 2000, home, runsPerExploration));
            CampaignRunner runner = new CampaignRunner(inspector, PipelineInspector::isDynamic,
                    new CampaignRunner.Options(Runtime.getRuntime().availableProcessors(), parallel, MAX_ATTEMPTS));
            CampaignRunner.Outcome outcome;
            try {
                outcome = runner.run(manifest, resume, outDir, Version.current(), listener,
                        entries -> CampaignReports.writePage(entries, knowledge, outDir, options.unmasked));
            } catch (JournalException e) {
                if (e.refusal()) {
                    throw new Inspecting.UsageException(e.getMessage());
                }
                // a write that failed mid-campaign: what was committed is kept, --resume goes on from there
                throw new Inspecting.StoppedException(e.getMessage(), e);
            }
            campaignProblems.addAll(CampaignReports.writeAll(outcome.entries(), knowledge, outDir, options.unmasked));
            return outcome.run();
        }, (result, threshold, problems, err) -> {
            campaignProblems.forEach(p -> err.println(TerminalText.clean("permlab batch: campaign report: " + p)));
            List<String> all = new ArrayList<>(problems);
            all.addAll(campaignProblems);
            return ReportingOptions.exitCode(result, threshold, all, options.baseline, options.newThreshold());
        });
    }
}
