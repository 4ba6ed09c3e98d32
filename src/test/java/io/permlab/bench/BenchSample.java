package io.permlab.bench;

import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.device.web.WebEnvironment;
import io.permlab.exercise.flow.FlowParser;
import io.permlab.model.flow.Flow;
import io.permlab.pipeline.TargetDescriptor;
import io.permlab.pipeline.site.LocalSites;
import io.permlab.pipeline.site.RunningSites;
import io.permlab.pipeline.site.ServeSpec;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * apps/demo-delivery served by PermLab's own LocalSites, with its add-address flow and the default device profile:
 * what both the plain Selenium script and PermLab's instrumented run use, so they differ only in instrumentation.
 */
final class BenchSample implements AutoCloseable {
    final Path home;
    final DeviceProfile profile;
    final Flow flow;
    final RunningSites sites;
    final WebEnvironment environment;
    final UnaryOperator<String> urls;

    BenchSample(Path home) throws Exception {
        this.home = home;
        Path target = home.resolve("apps/demo-delivery");
        TargetDescriptor d = TargetDescriptor.read(target.resolve(TargetDescriptor.FILE));
        profile = DeviceProfiles.load(home.resolve("devices/local-chromium.json"));
        flow = FlowParser.parse(home.resolve("tests/demo-delivery/add-address.flow.json"));
        sites = LocalSites.start(d.serve().stream().map(s -> new ServeSpec(s.host(), target.resolve(s.dir()).normalize(), s.https())).toList());
        // As WebExercise builds it for a served target.
        environment = new WebEnvironment(sites.hostResolverRules(), sites.spkiHash(),
                sites.specs().stream().filter(s -> !s.https()).map(s -> "http://" + s.host() + ":" + sites.httpPort()).toList());
        URI entry = URI.create(d.entry());
        urls = url -> sites.url(url == null ? entry.toString() : entry.resolve(url).toString());
    }

    /** The Chromium switches PermLab passes (BrowserOptions.args, copied: that class is package-private). */
    List<String> chromiumArgs(Path userDataDir) {
        List<String> args = new java.util.ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--use-fake-device-for-media-stream",
                "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process,AsyncDns",
                "--lang=" + profile.locale(), "--window-size=" + profile.width() + "," + profile.height(),
                "--user-data-dir=" + userDataDir));
        args.add("--host-resolver-rules=" + environment.hostResolverRules());
        if (environment.trustedSpki() != null) {
            args.add("--ignore-certificate-errors-spki-list=" + environment.trustedSpki());
        }
        if (!environment.secureHttpOrigins().isEmpty()) {
            args.add("--unsafely-treat-insecure-origin-as-secure=" + String.join(",", environment.secureHttpOrigins()));
        }
        args.addAll(profile.args());
        return args;
    }

    @Override
    public void close() {
        sites.close();
    }
}
