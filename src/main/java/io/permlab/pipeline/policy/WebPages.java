package io.permlab.pipeline.policy;

import io.permlab.inspect.policy.PageFetcher;
import io.permlab.pipeline.site.SiteFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the pages of an H5 target: those of a host PermLab serves from the target's folder (as the browser sees them),
 * any other over the network with a short timeout. A failure is a reason, never an exception: the policy behind it is
 * recorded as not inspected.
 */
final class WebPages implements PageFetcher {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private final SiteFiles served;
    private final HttpClient http;

    WebPages(SiteFiles served) {
        this.served = served;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Page fetch(String url) {
        try {
            if (served != null && served.serves(url)) {
                StringBuilder problem = new StringBuilder();
                Optional<String> page = served.read(url, problem);
                return page.map(Page::of).orElseGet(() -> Page.failed(problem.toString()));
            }
            String scheme = URI.create(url).getScheme();
            if (scheme == null || !scheme.toLowerCase(Locale.ROOT).matches("https?")) {
                return Page.failed("not a web address: " + url);
            }
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    return Page.failed("HTTP " + r.statusCode() + " for " + url);
                }
                return Page.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            return Page.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Page.failed("interrupted");
        }
    }
}
