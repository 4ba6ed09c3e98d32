package io.permlab.bench;

import io.permlab.device.web.AppiumServer;
import io.permlab.device.web.AppiumSessionFactory;
import io.permlab.device.web.DeviceProfile;
import io.permlab.device.web.DeviceProfiles;
import io.permlab.device.web.GridSessionFactory;
import io.permlab.device.web.LocalChromeSessionFactory;
import io.permlab.device.web.WebEnvironment;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionFactory;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What each run of an exploration pays before its first step and after its last: opening a PermLab session (browser,
 * DevTools, observers, policy) and closing it, per session kind. An Appium server PermLab has to start is timed once.
 *
 *   java -cp ... io.permlab.bench.SessionStartBenchmark RUNS [--grid URL] [--appium URL]
 */
public final class SessionStartBenchmark {
    private SessionStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        DeviceProfile profile = DeviceProfiles.load(home.resolve("devices/local-chromium.json"));
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        Path work = Files.createTempDirectory("permlab-sessions-");
        System.out.println("| session kind | open (median, range) | close (median, range) | once per batch |");
        System.out.println("|---|---|---|---|");
        try {
            measureCold("local ChromeDriver, a browser started", () -> new LocalChromeSessionFactory(profile, WebEnvironment.none(), knowledge, work), runs);
            try (LocalChromeSessionFactory warm = new LocalChromeSessionFactory(profile, WebEnvironment.none(), knowledge, work)) {
                measure("local ChromeDriver, a new context of a warm browser (what runs after a target's first get)", warm, runs, "");
            }
            for (int i = 1; i + 1 < args.length; i += 2) {
                URL url = URI.create(args[i + 1]).toURL();
                if (args[i].equals("--grid")) {
                    measure("Selenium Grid 4.48 standalone", new GridSessionFactory(url, profile, WebEnvironment.none(), knowledge, work), runs, "");
                } else if (args[i].equals("--appium")) {
                    long t0 = System.nanoTime();
                    try (AppiumServer server = AppiumServer.ensure(url, home, work.resolve("appium.log"))) {
                        String started = server.startedHere() ? String.format("Appium server started: %.0f ms", Phases.millisSince(t0)) : "server already running";
                        measure("Appium 3.8 (Chromium driver)", new AppiumSessionFactory(server, profile, WebEnvironment.none(), knowledge, work), runs, started);
                    }
                } else {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } finally {
            PlainSeleniumRun.deleteTree(work);
        }
        System.out.printf("%nMedians (min–max) of %d sessions each after one warm-up, grant policy, no page loaded.%n", runs);
    }

    /** A factory of its own per session, closed with it: the browser's start and quit in full. */
    private static void measureCold(String kind, java.util.concurrent.Callable<SessionFactory> factories, int runs) throws Exception {
        List<Double> open = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            SessionFactory factory = factories.call();
            long t0 = System.nanoTime();
            Session s = factory.open(RunPolicy.baseline());
            double o = Phases.millisSince(t0);
            long t1 = System.nanoTime();
            s.close();
            factory.close();
            double c = Phases.millisSince(t1);
            if (i > 0) { // the first is a warm-up
                open.add(o);
                close.add(c);
            }
        }
        System.out.printf("| %s | %s (%s) | %s (%s) |  |%n", kind, Median.ms(Median.of(open)), Median.range(open),
                Median.ms(Median.of(close)), Median.range(close));
    }

    private static void measure(String kind, SessionFactory factory, int runs, String once) throws Exception {
        List<Double> open = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            Session s = factory.open(RunPolicy.baseline());
            double o = Phases.millisSince(t0);
            long t1 = System.nanoTime();
            s.close();
            double c = Phases.millisSince(t1);
            if (i > 0) { // the first is a warm-up
                open.add(o);
                close.add(c);
            }
        }
        System.out.printf("| %s | %s (%s) | %s (%s) | %s |%n", kind, Median.ms(Median.of(open)), Median.range(open),
                Median.ms(Median.of(close)), Median.range(close), once);
    }
}
