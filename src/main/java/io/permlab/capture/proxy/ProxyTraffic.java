package io.permlab.capture.proxy;

import io.permlab.capture.HarEntry;
import io.permlab.capture.HarRun;
import io.permlab.capture.HarWriter;
import io.permlab.capture.PiScanner;
import io.permlab.model.dynamic.NetworkExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proxy traffic as evidence, through the same writer and scanner as browser traffic: a HAR 1.2 file (masked unless
 * asked otherwise) and {@link NetworkExchange}s with the PI sent and received. Exchanges are not tied to a flow step
 * here (step -1): the session that drives the flow places them.
 */
public final class ProxyTraffic {
    /** HAR entries and exchanges the proxy recorded outside any flow step. */
    public static final int NO_STEP = -1;

    private ProxyTraffic() {
    }

    public static List<NetworkExchange> evidence(List<ProxiedExchange> exchanges) {
        List<NetworkExchange> out = new ArrayList<>(exchanges.size());
        for (ProxiedExchange p : exchanges) {
            var x = p.exchange();
            out.add(new NetworkExchange(x.requestId(), p.atMillis(), NO_STEP, false, x.method(), x.url(), host(x.url()),
                    x.url() != null && x.url().startsWith("http://"), x.status(), PiScanner.sent(x), PiScanner.received(x)));
        }
        return out;
    }

    /** Writes {@code file}; {@code client} describes what sent the traffic ("android 14 Pixel 7 via proxy"). */
    public static void writeHar(Path file, List<ProxiedExchange> exchanges, String client, String creatorVersion, Instant started,
                                boolean mask) throws IOException {
        List<HarEntry> entries = exchanges.stream().map(p -> new HarEntry(p.exchange(), NO_STEP, false)).toList();
        HarWriter.write(file, new HarRun(creatorVersion, client, "device traffic", started, entries), mask);
    }

    private static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
