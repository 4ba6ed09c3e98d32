package io.permlab.capture.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Sits in a decrypted client connection and tells the ledger how its TLS handshake with the lab's certificate ended.
 * A client that does not trust the lab CA aborts the handshake (an alert, or a close) before sending anything: the
 * only trace such traffic leaves, and the reason a report says "traffic not visible" instead of "clean".
 */
final class TlsWatcher extends ChannelInboundHandlerAdapter {
    static final String NAME = "permlab-tls-watcher";

    private final Tunnel tunnel;
    private final TrafficLedger ledger;
    private boolean reported;

    TlsWatcher(Tunnel tunnel, TrafficLedger ledger) {
        this.tunnel = tunnel;
        this.ledger = ledger;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && !reported) {
            if (done.isSuccess()) {
                tunnel.handshakeDone = true;
            } else {
                reported = true;
                ledger.refused(tunnel.host, reason(done.cause()));
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (tunnel.handshakeDone && tunnel.requests.get() == 0 && !reported) {
            reported = true;
            ledger.silent(tunnel.host);
        }
        super.channelInactive(ctx);
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "handshake failed";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
