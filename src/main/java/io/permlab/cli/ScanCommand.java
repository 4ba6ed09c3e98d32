package io.permlab.cli;

import io.permlab.inspect.InspectionLimits;
import io.permlab.pipeline.Pipelines;
import io.permlab.pipeline.TargetLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code permlab scan}: static inspection of APKs and mini-programs, with reports. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "scan",
        description = {"Statically inspect targets: declared permissions, embedded SDKs, sensitive API call sites, "
                + "manifest flags, network security config; judge them against the app's category; write reports.",
                "Mini-programs: app.json declarations (permission scopes and their purpose, requiredPrivateInfos, privacy "
                        + "check), WeChat API call sites in the JavaScript with their page, lifecycle hook and callbacks.",
                "A target is an .apk, .apks, .xapk or .wxapkg file, a mini-program folder with app.json (also a uni-app or "
                        + "Taro build for WeChat), or a folder with target.json; a folder is searched for all of them."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  permlab scan app.apk --category 餐饮外卖",
                "  permlab scan app.apk -c food_delivery --out reports/1.2 --format json,sarif",
                "  permlab scan apps/ --fail-on high --lang en",
                "  permlab scan path/to/miniprogram/ --category 餐饮外卖",
                "  # an encrypted package of WeChat for PC",
                "  permlab scan __APP__.wxapkg --appid wx1234567890abcdef",
                "",
                "Writes to --out: findings.json, index.html, results.sarif, junit.xml,",
                "allure-results/, permlab.log. Personal information in evidence is masked",
                "unless --unmasked is given. H5 targets found in a folder are listed as",
                "needing 'permlab run'; they do not change the exit code."})
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "APK/APKS/XAPK/WXAPKG files, mini-program folders, target folders, or folders to search.")
    List<Path> targets;

    @CommandLine.Option(names = "--appid", paramLabel = "APPID",
            description = "App id (wx + 16 hex digits) that decrypts .wxapkg packages of WeChat for PC (they start with V1MMWX). "
                    + "Without it, a wx… folder in the package's path is used.")
    String appId;

    @CommandLine.Mixin
    ReportingOptions options;

    @Override
    public Integer call() {
        return Inspecting.run("scan", options, spec.commandLine().getErr(), (knowledge, dialogs, outDir, listener) ->
                Pipelines.inspecting(knowledge, InspectionLimits.defaults(), appId).run("scan", targets,
                        new TargetLoader(knowledge, options.category), Pipelines.workRoot(outDir), Version.current(), listener));
    }
}
