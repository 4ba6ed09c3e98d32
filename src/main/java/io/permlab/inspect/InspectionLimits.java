package io.permlab.inspect;

/**
 * Bounds that keep a hostile package from exhausting memory or disk. Defaults fit the largest real apps
 * (hundreds of MB, tens of dex files) with room to spare; a zip bomb crosses them at once.
 *
 * @param maxExtractedBytes what one target may write to its work folder in all (the APKs of a split bundle)
 * @param maxBundleApks     how many APKs a split bundle (.apks/.xapk) may hold; real ones hold tens
 */
public record InspectionLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio,
                               long ratioCheckAboveBytes, long maxExtractedBytes, int maxBundleApks) {
    public static InspectionLimits defaults() {
        return new InspectionLimits(200_000, 1L << 30, 4L << 30, 200, 1L << 20, 1L << 30, 2000);
    }
}
