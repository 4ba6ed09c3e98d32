package io.permlab.capture.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the proxy saw, written from netty's event loops and read by the session: exchanges finished and still open, and
 * per host the requests read and the connections that failed. Every method is synchronized; each is short.
 */
final class TrafficLedger {
    private final List<ProxiedExchange> finished = new ArrayList<>();
    private final Set<ExchangeRecording> open = new LinkedHashSet<>();
    private final Map<String, int[]> hosts = new LinkedHashMap<>();
    /** Per host, the last reason given for each kind of failure (indexed like the tallies). */
    private final Map<String, String[]> reasons = new LinkedHashMap<>();
    private static final int REQUESTS = 0;
    private static final int REFUSED = 1;
    private static final int SILENT = 2;
    private static final int UNREACHABLE = 3;

    synchronized void opened(ExchangeRecording recording, String host) {
        open.add(recording);
        tally(host)[REQUESTS]++;
    }

    synchronized void finished(ExchangeRecording recording, ProxiedExchange exchange) {
        if (open.remove(recording)) {
            finished.add(exchange);
        }
    }

    synchronized void refused(String host, String reason) {
        tally(host)[REFUSED]++;
        reason(host)[REFUSED] = reason;
    }

    synchronized void silent(String host) {
        tally(host)[SILENT]++;
    }

    synchronized void unreachable(String host, String reason) {
        tally(host)[UNREACHABLE]++;
        reason(host)[UNREACHABLE] = reason;
    }

    /** Finished exchanges since the last call; with {@code includeOpen} also those still waiting, recorded as failed. */
    List<ProxiedExchange> take(boolean includeOpen) {
        List<ExchangeRecording> cut;
        List<ProxiedExchange> out;
        synchronized (this) {
            out = new ArrayList<>(finished);
            finished.clear();
            cut = includeOpen ? new ArrayList<>(open) : List.of();
        }
        for (ExchangeRecording r : cut) {
            r.fail("no response before the recording was taken");
        }
        synchronized (this) {
            out.addAll(finished);
            finished.clear();
        }
        out.sort((a, b) -> a.exchange().startedAt().compareTo(b.exchange().startedAt()));
        return out;
    }

    synchronized TrafficVisibility visibility() {
        List<HostVisibility> out = new ArrayList<>();
        hosts.forEach((host, t) -> {
            HostState state = t[REQUESTS] > 0 ? HostState.VISIBLE
                    : t[REFUSED] > 0 ? HostState.REFUSED_BY_CLIENT
                    : t[UNREACHABLE] > 0 ? HostState.UNREACHABLE
                    : t[SILENT] > 0 ? HostState.NO_REQUEST_AFTER_HANDSHAKE : null;
            if (state != null) {
                // the reason of the state reported: a client refusing the lab CA also ends the proxy's connection to the
                // server, which must not become "could not connect to the server" in the refused host's evidence
                String why = switch (state) {
                    case REFUSED_BY_CLIENT -> reason(host)[REFUSED];
                    case UNREACHABLE -> reason(host)[UNREACHABLE];
                    default -> null;
                };
                out.add(new HostVisibility(host, state, t[REQUESTS], t[REFUSED], t[SILENT], t[UNREACHABLE], why));
            }
        });
        return TrafficVisibility.of(out);
    }

    private String[] reason(String host) {
        return reasons.computeIfAbsent(host, h -> new String[4]);
    }

    private int[] tally(String host) {
        return hosts.computeIfAbsent(host, h -> new int[4]);
    }
}
