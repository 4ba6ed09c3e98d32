package io.permlab.bench;

import io.permlab.knowledge.KnowledgeBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Instrumentation overhead per run: apps/demo-delivery's add-address flow (baseline policy) as a plain Selenium
 * script and as PermLab runs it, alternating, after one warm-up of each, in one JVM. Prints a Markdown table of
 * medians by phase and the ratio PermLab / plain.
 *
 *   java -cp ... io.permlab.bench.RunOverheadBenchmark [RUNS]     (default 7; permlab.home = the project folder)
 */
public final class RunOverheadBenchmark {
    /** FlowRunner.SETTLE_MILLIS (private there): the pause after each step that is not a wait. */
    private static final long SETTLE_MILLIS = 200;

    private RunOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path home = Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
        Path work = Files.createTempDirectory("permlab-overhead-");
        KnowledgeBase knowledge = KnowledgeBase.builtIn();
        List<Phases> plain = new ArrayList<>();
        List<Phases> settled = new ArrayList<>();
        List<Phases> permlab = new ArrayList<>();
        try (BenchSample sample = new BenchSample(home)) {
            PlainSeleniumRun.run(sample, work);
            InstrumentedRun.run(sample, knowledge, work);
            for (int i = 0; i < runs; i++) {
                plain.add(PlainSeleniumRun.run(sample, work));
                settled.add(PlainSeleniumRun.run(sample, work, SETTLE_MILLIS));
                permlab.add(InstrumentedRun.run(sample, knowledge, work));
                System.err.printf("run %d: plain %.0f ms, plain+settle %.0f ms, permlab %.0f ms%n", i + 1,
                        plain.get(i).total(), settled.get(i).total(), permlab.get(i).total());
            }
        } finally {
            PlainSeleniumRun.deleteTree(work);
        }
        System.out.println("| phase | plain Selenium | plain + 200 ms settle per step | PermLab | PermLab / plain | PermLab / plain+settle |");
        System.out.println("|---|---|---|---|---|---|");
        row("browser session start", plain, settled, permlab, Phases::start);
        row("flow: open → checkpoint (9 steps, 7 settle)", plain, settled, permlab, Phases::flow);
        row("&nbsp;&nbsp;of which after the checkpoint (storage snapshot)", plain, settled, permlab, Phases::afterCheckpoint);
        row("recording: PI scan + HAR", plain, settled, permlab, Phases::record);
        row("session close", plain, settled, permlab, Phases::close);
        row("**whole run**", plain, settled, permlab, Phases::total);
        row("run without session start/close", plain, settled, permlab, p -> p.flow() + p.record());
        System.out.printf("%nMedians (min–max) of %d runs each, the three variants alternating, after one warm-up run of each, in one JVM.%n", runs);
        double ratio = Median.of(permlab.stream().map(Phases::total).toList()) / Median.of(plain.stream().map(Phases::total).toList());
        System.out.printf("Whole run, PermLab / plain Selenium: %.2f× — target ≤ 1.1× (issue 10): %s.%n", ratio, ratio <= 1.1 ? "met" : "not met");
    }

    private static void row(String name, List<Phases> plain, List<Phases> settled, List<Phases> permlab, ToDoubleFunction<Phases> phase) {
        List<Double> a = plain.stream().map(phase::applyAsDouble).toList();
        List<Double> s = settled.stream().map(phase::applyAsDouble).toList();
        List<Double> b = permlab.stream().map(phase::applyAsDouble).toList();
        System.out.printf("| %s | %s | %s | %s | %s | %s |%n", name, cell(a), cell(s), cell(b), ratio(b, a), ratio(b, s));
    }

    private static String cell(List<Double> samples) {
        return Median.ms(Median.of(samples)) + " (" + Median.range(samples) + ")";
    }

    private static String ratio(List<Double> of, List<Double> to) {
        double d = Median.of(to);
        return d > 0.5 ? String.format("%.2f×", Median.of(of) / d) : "–";
    }
}
