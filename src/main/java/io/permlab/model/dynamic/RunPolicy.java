package io.permlab.model.dynamic;

/**
 * How a run answers permission requests: the baseline grants everything (precise location); a refused run denies one
 * permission and grants the rest; the approximate run grants location only as a coarse position (about 2 km); the
 * consent-refused run declines the privacy policy at the flow's consent step and grants every permission, so refusing
 * the policy is the only difference from the baseline.
 */
public record RunPolicy(Kind kind, String permission) {
    public enum Kind { GRANT, DENY, APPROXIMATE, REFUSE_CONSENT }

    public static RunPolicy baseline() {
        return new RunPolicy(Kind.GRANT, null);
    }

    public static RunPolicy deny(String permission) {
        return new RunPolicy(Kind.DENY, permission);
    }

    public static RunPolicy approximateLocation() {
        return new RunPolicy(Kind.APPROXIMATE, "geolocation");
    }

    public static RunPolicy refuseConsent() {
        return new RunPolicy(Kind.REFUSE_CONSENT, null);
    }

    /** "grant", "deny-geolocation", "approximate-geolocation", "refuse-consent": used in file names and reports. */
    public String id() {
        return switch (kind) {
            case GRANT -> "grant";
            case DENY -> "deny-" + permission;
            case APPROXIMATE -> "approximate-" + permission;
            case REFUSE_CONSENT -> "refuse-consent";
        };
    }
}
