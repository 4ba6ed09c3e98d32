package io.permlab.inspect.apk;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.SafeZip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An .apks (bundletool) or .xapk archive: a zip of APKs. The base APK carries the manifest; every APK may carry dex.
 * Nested APKs are copied, bounded, into the caller's work folder, because apktool and the zip reader need files.
 */
final class ApkBundle {
    private ApkBundle() {
    }

    /** A zip is a bundle when it has no manifest of its own but holds APKs. */
    static boolean isBundle(SafeZip zip) {
        return !zip.has("AndroidManifest.xml") && zip.names().stream().anyMatch(ApkBundle::isApkEntry);
    }

    private static boolean isApkEntry(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".apk");
    }

    /**
     * Extracts the given APK entries, in order, to numbered files in {@code workDir}; refuses, before writing
     * anything, a bundle of more APKs or more bytes than the limits allow (entries never inflate past their
     * declared size, so the declared sizes bound what is written).
     */
    static List<Path> extract(SafeZip zip, List<String> apks, Path workDir, InspectionLimits limits) throws InspectionException {
        checkBudget(zip, apks, limits);
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(workDir);
        } catch (java.io.IOException e) {
            throw new InspectionException(workDir.toString(), "cannot create work folder: " + e.getMessage(), e);
        }
        int i = 0;
        for (String entry : apks) {
            // The file name is ours, not the entry's: no entry name ever becomes a path.
            Path dest = workDir.resolve(String.format("split-%03d.apk", i++));
            zip.extract(entry, dest);
            out.add(dest);
        }
        return out;
    }

    private static void checkBudget(SafeZip zip, List<String> apks, InspectionLimits limits) throws InspectionException {
        if (apks.size() > limits.maxBundleApks()) {
            throw new InspectionException(zip.file().toString(), "the bundle holds " + apks.size() + " APKs, over the limit of "
                    + limits.maxBundleApks() + " splits; nothing was extracted");
        }
        long total = 0;
        for (String apk : apks) {
            total += Math.max(0, zip.declaredSize(apk));
        }
        if (total > limits.maxExtractedBytes()) {
            throw new InspectionException(zip.file().toString(), "the bundle's APKs come to " + total + " bytes once extracted, over the limit of "
                    + limits.maxExtractedBytes() + " per target; nothing was extracted");
        }
    }

    /** The APK entries of the bundle, the base one first. */
    static List<String> baseFirstNames(SafeZip zip) {
        List<String> apks = new ArrayList<>(zip.names().stream().filter(ApkBundle::isApkEntry).toList());
        apks.sort(Comparator.comparingInt((String n) -> baseRank(n)).thenComparing(n -> -zip.declaredSize(n)));
        return apks;
    }

    /** base-master.apk / base.apk first, then feature splits, configuration splits last. */
    private static int baseRank(String entry) {
        String file = entry.substring(entry.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (file.equals("base-master.apk") || file.equals("base.apk")) {
            return 0;
        }
        if (file.startsWith("config.") || file.contains("-master_") || file.matches("base-[a-z0-9_]+\\.apk")) {
            return 3;
        }
        if (entry.contains("/")) {
            return 2;
        }
        return 1;
    }
}
