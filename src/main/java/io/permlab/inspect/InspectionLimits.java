package io.permlab.inspect;

/**
 * Bounds that keep a hostile package from exhausting memory or disk. Defaults fit the largest real apps
 * (hundreds of MB, tens of dex files) with room to spare; a zip bomb crosses them at once.
 */
public record InspectionLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio,
                               long ratioCheckAboveBytes) {
    public static InspectionLimits defaults() {
        return new InspectionLimits(200_000, 1L << 30, 4L << 30, 200, 1L << 20);
    }
}
