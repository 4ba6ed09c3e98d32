package io.permlab.capture.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;

import java.nio.charset.StandardCharsets;

/**
 * Gives LittleProxy a recorder for every request: a {@link ConnectRecording} for a CONNECT, an
 * {@link ExchangeRecording} for everything else, a 403 for a host outside the allowed list. Bodies are not aggregated (a buffer size of 0): LittleProxy would
 * answer 413 to a body over the buffer, which would change what the app experiences; the recorder keeps its own
 * bounded copy instead.
 */
final class RecordingFilters extends HttpFiltersSourceAdapter {
    private final TrafficLedger ledger;
    private final RecorderClock clock;
    private final ProxyOptions options;

    RecordingFilters(TrafficLedger ledger, RecorderClock clock, ProxyOptions options) {
        this.ledger = ledger;
        this.clock = clock;
        this.options = options;
    }

    @Override
    public HttpFilters filterRequest(HttpRequest request, ChannelHandlerContext ctx) {
        Tunnel tunnel = ctx == null ? null : ctx.channel().attr(Tunnel.KEY).get();
        boolean connect = HttpMethod.CONNECT.equals(request.method());
        String host = connect || tunnel == null ? Hosts.host(connect ? request.uri() : hostOf(request)) : tunnel.host;
        if (!options.allows(host)) {
            return new Refusal(request, ctx, host);
        }
        if (connect) {
            return new ConnectRecording(request, ctx, ledger);
        }
        return new ExchangeRecording(request, ctx, tunnel, ledger, clock, options.maxBodyBytes());
    }

    /** The authority of an absolute-form request ("http://host:port/path"), or its Host header. */
    private static String hostOf(HttpRequest request) {
        String uri = request.uri();
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            int end = uri.indexOf('/', scheme + 3);
            return uri.substring(scheme + 3, end < 0 ? uri.length() : end);
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host == null ? "" : host;
    }

    /** A host outside the allowed list: answered here, never contacted. */
    private static final class Refusal extends HttpFiltersAdapter {
        private final String host;

        Refusal(HttpRequest request, ChannelHandlerContext ctx, String host) {
            super(request, ctx);
            this.host = host;
        }

        @Override
        public HttpResponse clientToProxyRequest(HttpObject httpObject) {
            byte[] text = ("PermLab proxy: " + host + " is not in this run's list of hosts\n").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.wrappedBuffer(text));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .set(HttpHeaderNames.CONTENT_LENGTH, text.length).set(HttpHeaderNames.CONNECTION, "close");
            return response;
        }
    }
}
