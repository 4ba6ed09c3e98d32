package io.permlab.capture.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.littleshoot.proxy.HttpFiltersAdapter;

/**
 * The {@code CONNECT} that opens an HTTPS connection: remembers its host on the client connection, so the decrypted
 * requests that follow get full URLs, and puts a {@link TlsWatcher} there. A server the proxy cannot reach or verify is
 * recorded against its host.
 */
final class ConnectRecording extends HttpFiltersAdapter {
    private static final String LITTLEPROXY_MAIN_HANDLER = "handler";

    private final TrafficLedger ledger;
    private final Tunnel tunnel;

    ConnectRecording(HttpRequest connect, ChannelHandlerContext ctx, TrafficLedger ledger) {
        super(connect, ctx);
        this.ledger = ledger;
        this.tunnel = new Tunnel(Hosts.host(connect.uri()), Hosts.port(connect.uri(), 443));
    }

    @Override
    public HttpResponse clientToProxyRequest(HttpObject httpObject) {
        if (httpObject instanceof HttpRequest && ctx != null) {
            ctx.channel().attr(Tunnel.KEY).set(tunnel);
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get(TlsWatcher.NAME) == null) {
                TlsWatcher watcher = new TlsWatcher(tunnel, ledger);
                if (pipeline.get(LITTLEPROXY_MAIN_HANDLER) != null) {
                    pipeline.addBefore(LITTLEPROXY_MAIN_HANDLER, TlsWatcher.NAME, watcher);
                } else {
                    pipeline.addLast(TlsWatcher.NAME, watcher);
                }
            }
        }
        return null;
    }

    @Override
    public void proxyToServerResolutionFailed(String hostAndPort) {
        ledger.unreachable(tunnel.host, "host not found: " + hostAndPort);
    }

    @Override
    public void proxyToServerConnectionFailed() {
        ledger.unreachable(tunnel.host, "the proxy could not connect to the server or did not trust its certificate");
    }
}
