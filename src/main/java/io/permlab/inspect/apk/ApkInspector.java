package io.permlab.inspect.apk;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.SafeZip;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.NetworkSecurityConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Static inspection of an APK, .apks or .xapk: the manifest through apktool's binary-XML parser (no resource
 * decode), the network security config, and every dex through dexlib2. A broken dex is reported as a problem and
 * the other dex files are still read; a package that cannot be opened at all fails with one line.
 */
public final class ApkInspector {
    private static final Pattern DEX_ENTRY = Pattern.compile("classes\\d*\\.dex");
    /** Daemon threads for the dex scans, so a finished batch never waits on them to exit. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "permlab-dex");
        t.setDaemon(true);
        return t;
    });

    private final CodeSignatures signatures;
    private final InspectionLimits limits;

    public ApkInspector(KnowledgeBase knowledge, InspectionLimits limits) {
        this.signatures = new CodeSignatures(knowledge);
        this.limits = limits;
    }

    /** Facts plus the problems that did not stop the inspection (one corrupt dex of several, an unreadable table). */
    public record Result(ApkFacts facts, List<String> problems) {
    }

    /**
     * @param workDir a folder inside the run's output where nested APKs of a bundle may be copied; nothing is
     *                written anywhere else
     */
    public Result inspect(Path file, Path workDir) throws InspectionException {
        List<String> problems = new ArrayList<>();
        try (SafeZip zip = SafeZip.open(file, limits)) {
            if (!ApkBundle.isBundle(zip)) {
                return inspectApk(zip, file.toString(), List.of(), List.of(), workDir, problems);
            }
            List<String> entries = ApkBundle.baseFirstNames(zip);
            List<Path> apks = ApkBundle.extract(zip, entries, workDir.resolve("bundle"), limits);
            try (SafeZip base = SafeZip.open(apks.get(0), file + "!" + entries.get(0), limits)) {
                return inspectApk(base, file + "!" + entries.get(0), apks.subList(1, apks.size()), entries, workDir, problems);
            }
        }
    }

    /**
     * Only the application id the manifest declares (of the base APK in a bundle): what a device run installs and
     * launches when target.json does not name it. No dex is read.
     */
    public static String declaredPackage(Path file, Path workDir, InspectionLimits limits) throws InspectionException {
        try (SafeZip zip = SafeZip.open(file, limits)) {
            if (!ApkBundle.isBundle(zip)) {
                return manifestOf(zip, file.toString(), workDir).packageName();
            }
            List<String> entries = ApkBundle.baseFirstNames(zip);
            List<Path> apks = ApkBundle.extract(zip, entries.subList(0, 1), workDir.resolve("bundle"), limits);
            try (SafeZip base = SafeZip.open(apks.get(0), file + "!" + entries.get(0), limits)) {
                return manifestOf(base, file + "!" + entries.get(0), workDir).packageName();
            }
        }
    }

    private static ManifestFacts manifestOf(SafeZip apk, String where, Path workDir) throws InspectionException {
        if (!apk.has("AndroidManifest.xml")) {
            throw new InspectionException(where, "no AndroidManifest.xml: not an APK");
        }
        // the package attribute is a plain string: no resource table is needed to read it
        return new ManifestParser(ApktoolResources.load(apk.file(), workDir, null), where).parse(apk.read("AndroidManifest.xml"));
    }

    private Result inspectApk(SafeZip apk, String where, List<Path> splits, List<String> bundleEntries, Path workDir,
                              List<String> problems) throws InspectionException {
        if (!apk.has("AndroidManifest.xml")) {
            throw new InspectionException(where, "no AndroidManifest.xml: not an APK");
        }
        // The dex scan and the manifest/resource-table reading are independent: run them side by side.
        CompletableFuture<DexScan> dexJob = CompletableFuture.supplyAsync(() -> scanAllDex(apk, splits, bundleEntries), WORKERS);
        ManifestFacts manifest;
        NetworkSecurityConfig nsc;
        try {
            ApktoolResources resources = ApktoolResources.load(apk.file(), workDir, resourceTable(apk, problems, where));
            if (resources.tableProblem() != null) {
                problems.add(where + ": " + resources.tableProblem());
            }
            manifest = new ManifestParser(resources, where).parse(apk.read("AndroidManifest.xml"));
            nsc = networkSecurityConfig(apk, where, resources, manifest, problems);
        } finally {
            awaitQuietly(dexJob); // the zip is closed after this method returns: the scan must be done with it
        }
        DexScan dex = dexJob.join();
        problems.addAll(dex.problems());
        DexScanner scanned = dex.scanner();
        if (scanned.dexFiles().isEmpty() && dex.problems().stream().noneMatch(p -> p.contains(".dex"))) {
            problems.add(where + ": no classes.dex: code-based checks (SDKs, API call sites, endpoints) had nothing to read");
        }
        ApkFacts facts = new ApkFacts(manifest.packageName(), manifest.versionName(), manifest.versionCode(),
                manifest.minSdk(), manifest.targetSdk(), manifest.compileSdk(), manifest.permissions(),
                manifest.definedPermissions(), manifest.features(), manifest.application(), nsc, manifest.components(),
                scanned.sdks(), scanned.usages(), scanned.endpoints(), scanned.dexFiles(), scanned.classCount(), bundleEntries,
                scanned.securityFlaws(), manifest.permissionDefinitions());
        return new Result(facts, problems);
    }

    /** The resource table's bytes; null when there is none, or when the entry itself cannot be read (a problem). */
    private static byte[] resourceTable(SafeZip apk, List<String> problems, String where) {
        if (!apk.has("resources.arsc")) {
            return null;
        }
        try {
            return apk.read("resources.arsc");
        } catch (InspectionException e) {
            problems.add(where + ": " + ApktoolResources.tableProblem(e.getMessage()));
            return null;
        }
    }

    private record DexScan(DexScanner scanner, List<String> problems) {
    }

    /** Every dex of the APK and of a bundle's other splits; a broken dex or split is a problem, not a failure. */
    private DexScan scanAllDex(SafeZip apk, List<Path> splits, List<String> bundleEntries) {
        DexScanner dex = new DexScanner(signatures, WORKERS);
        List<String> problems = new ArrayList<>();
        scanDex(apk, bundleEntries.isEmpty() ? "" : bundleEntries.get(0) + "!", dex, problems);
        for (int i = 0; i < splits.size(); i++) {
            try (SafeZip split = SafeZip.open(splits.get(i), bundleEntries.get(i + 1), limits)) {
                scanDex(split, bundleEntries.get(i + 1) + "!", dex, problems);
            } catch (InspectionException e) {
                problems.add(bundleEntries.get(i + 1) + ": " + e.getMessage());
            }
        }
        return new DexScan(dex, problems);
    }

    private static void awaitQuietly(CompletableFuture<?> job) {
        try {
            job.join();
        } catch (RuntimeException ignored) {
            // reported by the join that uses the result
        }
    }

    private static void scanDex(SafeZip apk, String prefix, DexScanner dex, List<String> problems) {
        List<String> dexEntries = apk.names().stream().filter(n -> DEX_ENTRY.matcher(n).matches())
                .sorted((a, b) -> Integer.compare(dexNumber(a), dexNumber(b))).toList();
        for (String entry : dexEntries) {
            try {
                dex.scan(prefix + entry, apk.read(entry));
            } catch (InspectionException e) {
                problems.add(e.oneLine());
            }
        }
    }

    private static int dexNumber(String entry) {
        String digits = entry.substring("classes".length(), entry.length() - ".dex".length());
        return digits.isEmpty() ? 1 : Integer.parseInt(digits);
    }

    private static NetworkSecurityConfig networkSecurityConfig(SafeZip apk, String where, ApktoolResources resources,
                                                               ManifestFacts manifest, List<String> problems) {
        String ref = manifest.application().networkSecurityConfig();
        if (ref == null) {
            return null;
        }
        String path = resources.filePath(ref);
        if (path == null || !apk.has(path)) {
            problems.add(where + ": networkSecurityConfig " + SafeZip.printable(ref) + " does not resolve to a file in the package");
            return null;
        }
        try {
            byte[] xml = apk.read(path);
            String damage = BinaryChunks.problem(xml);
            if (damage != null) {
                problems.add(where + "!" + path + ": unreadable network security config: " + damage);
                return null;
            }
            return new NetworkSecurityConfigParser(resources).parse(path, xml);
        } catch (InspectionException e) {
            problems.add(where + "!" + path + ": unreadable network security config: " + e.getMessage());
            return null;
        } catch (Exception | OutOfMemoryError | AssertionError e) {
            problems.add(where + "!" + path + ": unreadable network security config: " + ReadFailure.of(e));
            return null;
        }
    }

    /** Whether a path names something this inspector reads, by extension. */
    public static boolean handles(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".apk") || n.endsWith(".apks") || n.endsWith(".xapk");
    }
}
