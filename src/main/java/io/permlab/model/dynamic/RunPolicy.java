package io.permlab.model.dynamic;

/**
 * How a run answers permission requests: the baseline grants everything (precise location); a refused run denies one
 * permission and grants the rest; the approximate run grants location only as a coarse position (about 2 km).
 */
public record RunPolicy(Kind kind, String permission) {
    public enum Kind { GRANT, DENY, APPROXIMATE }

    public static RunPolicy baseline() {
        return new RunPolicy(Kind.GRANT, null);
    }

    public static RunPolicy deny(String permission) {
        return new RunPolicy(Kind.DENY, permission);
    }

    public static RunPolicy approximateLocation() {
        return new RunPolicy(Kind.APPROXIMATE, "geolocation");
    }

    /** "grant", "deny-geolocation", "approximate-geolocation": used in file names and reports. */
    public String id() {
        return switch (kind) {
            case GRANT -> "grant";
            case DENY -> "deny-" + permission;
            case APPROXIMATE -> "approximate-" + permission;
        };
    }
}
