package io.permlab.capture.proxy;

/**
 * One host's tally: requests read, TLS connections the client refused, connections closed without a request, and
 * connections the proxy could not make; {@code reason} is the last failure as the TLS stack worded it.
 */
public record HostVisibility(String host, HostState state, int requests, int refusedHandshakes, int silentConnections,
                             int unreachable, String reason) {
    public boolean visible() {
        return state == HostState.VISIBLE;
    }
}
