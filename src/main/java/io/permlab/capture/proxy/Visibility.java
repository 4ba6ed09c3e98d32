package io.permlab.capture.proxy;

/**
 * How much of a client's traffic the proxy could read. Only {@link #VISIBLE} lets a report call the traffic clean;
 * the others say "traffic not visible" for the hosts named (RULEBASE: absence of evidence is not compliance).
 */
public enum Visibility {
    /** Every host the client connected to sent at least one request the proxy decrypted. */
    VISIBLE,
    /** Some hosts were read, others refused the lab CA or could not be reached. */
    PARTLY_VISIBLE,
    /** The client connected but no request could be read: it refused the lab CA (pinning, or no trust in user CAs). */
    NOT_VISIBLE,
    /** Nothing reached the proxy: the client sent nothing, or bypassed the proxy setting. Not evidence of silence. */
    NO_TRAFFIC
}
