package io.permlab.capture.proxy;

import io.netty.handler.codec.http.HttpRequest;
import org.littleshoot.proxy.MitmManager;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.util.List;

/**
 * LittleProxy's man-in-the-middle hooks: towards the server a client engine that checks the server's certificate and
 * host name ({@link UpstreamTrust}); towards the client a server engine presenting the host's certificate signed by
 * the lab CA. No ALPN is offered to the client, so it speaks HTTP/1.1, which LittleProxy relays.
 */
final class LabMitmManager implements MitmManager {
    private final HostCertificates leaves;
    private final SSLContext upstream;

    LabMitmManager(HostCertificates leaves, SSLContext upstream) {
        this.leaves = leaves;
        this.upstream = upstream;
    }

    @Override
    public SSLEngine serverSslEngine(String peerHost, int peerPort) {
        SSLEngine engine = upstream.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!Hosts.isIpLiteral(peerHost)) {
            params.setServerNames(List.of(new SNIHostName(peerHost)));
        }
        engine.setSSLParameters(params);
        return engine;
    }

    @Override
    public SSLEngine serverSslEngine() {
        SSLEngine engine = upstream.createSSLEngine();
        engine.setUseClientMode(true);
        return engine;
    }

    @Override
    public SSLEngine clientSslEngineFor(HttpRequest connect, SSLSession serverSession) {
        SSLEngine engine = leaves.contextFor(Hosts.host(connect.uri())).createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }
}
