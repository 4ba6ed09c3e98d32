package io.permlab.capture.proxy;

import io.permlab.exercise.ObservedExchange;
import org.littleshoot.proxy.HttpProxyServer;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * A running recording proxy. Exchanges are taken as a browser session's are ({@code Session.takeExchanges}); the
 * visibility covers everything since the start, so one recorder per run gives a verdict per run. Closing stops the
 * proxy and drops connections still open.
 */
public final class TrafficRecorder implements AutoCloseable {
    private final HttpProxyServer server;
    private final TrafficLedger ledger;
    private final RecorderClock clock;

    TrafficRecorder(HttpProxyServer server, TrafficLedger ledger, RecorderClock clock) {
        this.server = server;
        this.ledger = ledger;
        this.clock = clock;
    }

    public InetSocketAddress address() {
        return server.getListenAddress();
    }

    public int port() {
        return address().getPort();
    }

    public Instant started() {
        return clock.started();
    }

    /** Exchanges finished since the last call; with {@code includeUnfinished} also those still open, as failed. */
    public List<ProxiedExchange> takeExchanges(boolean includeUnfinished) {
        return ledger.take(includeUnfinished);
    }

    /** The same, in the browser session's form, for the flow runner. */
    public List<ObservedExchange> takeObservedExchanges(boolean includeUnfinished) {
        return takeExchanges(includeUnfinished).stream().map(ProxiedExchange::exchange).toList();
    }

    public TrafficVisibility visibility() {
        return ledger.visibility();
    }

    @Override
    public void close() {
        server.stop();
    }
}
