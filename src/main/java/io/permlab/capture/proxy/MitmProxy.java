package io.permlab.capture.proxy;

import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.littleshoot.proxy.impl.ThreadPoolConfiguration;

import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Starts the embedded recording proxy (LittleProxy): HTTP is recorded as it passes, HTTPS is decrypted with a
 * certificate per host signed by the lab CA. Use:
 * <pre>{@code
 * LabCa ca = LabCa.loadOrCreate(LabCa.defaultFolder());
 * try (TrafficRecorder rec = MitmProxy.start(ca, ProxyOptions.loopback())) {
 *     // point the device at rec.port() (device.adbproxy.DeviceProxy), run the flow
 *     List<ProxiedExchange> traffic = rec.takeExchanges(true);
 *     TrafficVisibility seen = rec.visibility();   // NOT_VISIBLE / PARTLY_VISIBLE: say so, never "clean"
 * }
 * }</pre>
 * docs/android-traffic.md describes the whole path.
 */
public final class MitmProxy {
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int IDLE_TIMEOUT_S = 70;

    private MitmProxy() {
    }

    public static TrafficRecorder start(LabCa ca, ProxyOptions options) throws IOException {
        LabMitmManager mitm;
        try {
            mitm = new LabMitmManager(new HostCertificates(ca), options.upstream().context());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the proxy: " + e.getMessage(), e);
        }
        TrafficLedger ledger = new TrafficLedger();
        RecorderClock clock = new RecorderClock();
        HttpProxyServer server;
        try {
            server = DefaultHttpProxyServer.bootstrap()
                    .withName("permlab-proxy")
                    .withAddress(options.listen())
                    .withAllowLocalOnly(options.listen().getAddress().isLoopbackAddress())
                    .withManInTheMiddle(mitm)
                    .withFiltersSource(new RecordingFilters(ledger, clock, options))
                    .withConnectTimeout(CONNECT_TIMEOUT_MS)
                    .withIdleConnectionTimeout(IDLE_TIMEOUT_S)
                    // A proxy for one device: a couple of threads, on a machine that also runs the browser or Appium.
                    .withThreadPoolConfiguration(new ThreadPoolConfiguration().withAcceptorThreads(1)
                            .withClientToProxyWorkerThreads(2).withProxyToServerWorkerThreads(2))
                    .start();
        } catch (RuntimeException e) {
            throw new IOException("cannot start the proxy on " + options.listen() + ": " + e.getMessage(), e);
        }
        return new TrafficRecorder(server, ledger, clock);
    }
}
