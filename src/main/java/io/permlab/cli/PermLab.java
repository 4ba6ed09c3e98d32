package io.permlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code permlab} command. {@code main} is one line around {@link #run}, which tests call directly. */
@Command(usageHelpAutoWidth = true, name = "permlab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {ScanCommand.class, RunCommand.class, BatchCommand.class, DemoCommand.class, DoctorCommand.class, DevicesCommand.class, CategoriesCommand.class, RulesCommand.class,
                CommandLine.HelpCommand.class},
        description = {
                "Permission and personal-information compliance tester for Android apps, WeChat mini-programs and H5 apps.",
                "Finds what Chinese regulators fine apps for, with legal basis and evidence: permissions not necessary for the "
                        + "app's category, functions that stop working when such a permission is refused or the privacy policy is declined, permissions asked before "
                        + "consent or again after a refusal, a privacy sheet shown again after it was declined, PI sent before consent, over cleartext or to third parties, PI stored "
                        + "in plaintext, PI-collecting SDKs, debuggable builds, exported components."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # the bundled samples, each non-compliant app beside its compliant twin",
                "  permlab demo --out reports/demo",
                "  permlab scan path/to/app.apk --category 餐饮外卖 --out reports/my-scan",
                "  # a mini-program package (or its source folder)",
                "  permlab scan app.wxapkg --category 餐饮外卖",
                "  # every target under a folder, one report",
                "  permlab scan apps/",
                "  # exercise an H5 app: does refusing location block adding an address?",
                "  permlab run apps/demo-delivery",
                "  # CI gate: exit 4 only for high or critical findings",
                "  permlab scan app.apk --fail-on high",
                "  permlab doctor        what is installed, what is missing, how to fix it",
                "  permlab devices       attached Android devices, device profiles, Appium",
                "  permlab categories    the 39 app categories and what each may collect",
                "",
                "Exit codes: 0 clean, 4 findings, 5 finished with errors (some target",
                "            could not be inspected), 2 usage error, 1 internal error,",
                "            3 'permlab demo' only: a sample disagreed with its expectation."})
public final class PermLab implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given console writers; what tests call. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new PermLab());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("permlab: internal error: " + ex);
            return ExitCode.INTERNAL_ERROR.code();
        });
        cl.setExitCodeExceptionMapper(ex -> ExitCode.USAGE_ERROR.code());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
