package io.permlab.pipeline;

/** The version written into the jar's manifest by the build, for evidence files (HAR creator) and reports. */
public final class PermLabVersion {
    private PermLabVersion() {
    }

    public static String current() {
        String v = PermLabVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
