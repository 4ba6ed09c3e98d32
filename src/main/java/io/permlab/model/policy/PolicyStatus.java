package io.permlab.model.policy;

/**
 * How far the search for a privacy policy got. Only {@link #FOUND} has a text the rules can read; only
 * {@link #ABSENT} says the app offers no policy at all. A policy that is linked or hosted but could not be read is
 * {@link #NOT_FETCHED}: not inspected, never "missing".
 */
public enum PolicyStatus {
    /** The policy's text was read. */
    FOUND,
    /** The app names a policy but the place it is reached from offers no way to open it (a name without a link). */
    NAMED_NOT_LINKED,
    /** A link or URL to the policy was found but its text could not be read (404, not served, no network). */
    NOT_FETCHED,
    /** Nothing in the package holds the policy; apps usually host it online, so this proves nothing. */
    NOT_IN_PACKAGE,
    /** The page that asks for consent neither links nor names a policy. */
    ABSENT
}
