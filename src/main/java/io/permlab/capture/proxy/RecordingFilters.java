package io.permlab.capture.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;

/**
 * Gives LittleProxy a recorder for every request: a {@link ConnectRecording} for a CONNECT, an
 * {@link ExchangeRecording} for everything else. Bodies are not aggregated (a buffer size of 0): LittleProxy would
 * answer 413 to a body over the buffer, which would change what the app experiences; the recorder keeps its own
 * bounded copy instead.
 */
final class RecordingFilters extends HttpFiltersSourceAdapter {
    private final TrafficLedger ledger;
    private final RecorderClock clock;
    private final int cap;

    RecordingFilters(TrafficLedger ledger, RecorderClock clock, int cap) {
        this.ledger = ledger;
        this.clock = clock;
        this.cap = cap;
    }

    @Override
    public HttpFilters filterRequest(HttpRequest request, ChannelHandlerContext ctx) {
        if (HttpMethod.CONNECT.equals(request.method())) {
            return new ConnectRecording(request, ctx, ledger);
        }
        Tunnel tunnel = ctx == null ? null : ctx.channel().attr(Tunnel.KEY).get();
        return new ExchangeRecording(request, ctx, tunnel, ledger, clock, cap);
    }
}
