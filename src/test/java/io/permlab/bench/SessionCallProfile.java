package io.permlab.bench;

import io.permlab.device.web.LocalChromeSessionFactory;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.PurposeDetector;
import io.permlab.exercise.RawRun;
import io.permlab.exercise.Session;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.RunPolicy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run's time goes: the demo's add-address flow (baseline policy) run by FlowRunner as in InstrumentedRun, with
 * every Session call timed through a proxy of the interface, RUNS times after one warm-up. Prints a Markdown table of
 * milliseconds per run and calls per run for each Session method; the flow's own time is the first row. For finding
 * what to cut next (bench/run-profile.sh); not part of the overhead figure.
 */
public final class SessionCallProfile {
    private SessionCallProfile() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        Path work = Files.createTempDirectory("permlab-profile-");
        Map<String, double[]> total = new TreeMap<>();
        try (BenchSample sample = new BenchSample(Path.of(System.getProperty("permlab.home")))) {
            for (int i = 0; i <= runs; i++) {
                Map<String, double[]> one = profileOneRun(sample, knowledge, work);
                if (i > 0) { // the first run warms the JVM and Chromium's caches
                    one.forEach((k, v) -> total.merge(k, v, (a, b) -> new double[]{a[0] + b[0], a[1] + b[1]}));
                }
            }
        } finally {
            PlainSeleniumRun.deleteTree(work);
        }
        System.out.println("| Session call | ms per run | calls per run |");
        System.out.println("|---|---|---|");
        total.forEach((k, v) -> System.out.printf("| %s | %.0f | %.1f |%n", k, v[0] / runs, v[1] / runs));
        System.out.printf("%nMeans of %d runs after one warm-up; the session's opening and closing are not in the flow.%n", runs);
    }

    private static Map<String, double[]> profileOneRun(BenchSample sample, KnowledgeBase knowledge, Path work) throws Exception {
        Path files = Files.createTempDirectory(work, "run-");
        LocalChromeSessionFactory factory = new LocalChromeSessionFactory(sample.profile, sample.environment, knowledge, work.resolve(".work"));
        Session real = factory.open(RunPolicy.baseline());
        Map<String, double[]> times = new TreeMap<>();
        Session timed = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, methodArgs) -> {
                    long t0 = System.nanoTime();
                    try {
                        return method.invoke(real, methodArgs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        double[] v = times.computeIfAbsent(method.getName(), k -> new double[2]);
                        v[0] += (System.nanoTime() - t0) / 1e6;
                        v[1]++;
                    }
                });
        try {
            long t0 = System.nanoTime();
            RawRun raw = new FlowRunner(new PurposeDetector(knowledge), FlowRunner.Options.defaults())
                    .run(sample.flow, timed, RunPolicy.baseline(), "add-address-grant", sample.urls, InstrumentedRun.store(files));
            times.put("(the flow, all of it)", new double[]{(System.nanoTime() - t0) / 1e6, 1});
            if (!raw.passed()) {
                throw new IllegalStateException("the run did not reach the checkpoint: " + raw.checkpoint().detail());
            }
        } finally {
            real.close();
            factory.close();
        }
        return times;
    }
}
