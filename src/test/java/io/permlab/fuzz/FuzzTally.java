package io.permlab.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The counts a campaign is judged by, and the inputs that broke a promise (each named, to be rebuilt alone). */
final class FuzzTally {
    /**
     * What only a raw exception puts into a message: a class name (java.lang.…, …Exception, …Error), a library
     * package, the JDK's helpful NullPointerException text, a null printed as text, or a raw control character. (An app's own package name,
     * com.example.…, is not one; GraalJS saying it "found null" where it expected a colon names a token.)
     */
    static final Pattern RAW = Pattern.compile("\\b(java|javax|sun|jdk|brut|org\\.xmlpull|org\\.graalvm|com\\.android\\.tools|com\\.oracle"
            + "|com\\.fasterxml)\\.|\\b[A-Z]\\w*(Exception|Error)\\b|Cannot (invoke|read|load|store|assign)\\b|because \"|<null>|\\(null\\)"
            + "|[\\x00-\\x08\\x0b-\\x1f\\x7f]");

    private final List<FuzzOutcome> outcomes;
    private final long perInputBudgetMillis;

    FuzzTally(List<FuzzOutcome> outcomes, long perInputBudgetMillis) {
        this.outcomes = List.copyOf(outcomes);
        this.perInputBudgetMillis = perInputBudgetMillis;
    }

    int inputs() {
        return outcomes.size();
    }

    long inspected() {
        return outcomes.stream().filter(FuzzOutcome::inspected).count();
    }

    long withErrors() {
        return outcomes.stream().filter(o -> !o.errors().isEmpty()).count();
    }

    List<String> internalErrors() {
        return outcomes.stream().filter(FuzzOutcome::internalError).map(o -> o.input() + ": " + o.errors()).toList();
    }

    List<String> missing() {
        return outcomes.stream().filter(o -> o.errors().stream().anyMatch(e -> e.startsWith("missing:"))).map(FuzzOutcome::input).toList();
    }

    /** Inputs that produced neither evidence nor an error: silently lost. */
    List<String> unaccounted() {
        return outcomes.stream().filter(o -> !o.inspected() && o.errors().isEmpty()).map(FuzzOutcome::input).toList();
    }

    List<String> rawMessages() {
        List<String> out = new ArrayList<>();
        for (FuzzOutcome o : outcomes) {
            o.errors().stream().filter(e -> RAW.matcher(e).find()).forEach(e -> out.add(o.input() + ": " + e));
        }
        return out;
    }

    List<String> timeouts() {
        return outcomes.stream().filter(o -> o.millis() > perInputBudgetMillis).map(o -> o.input() + ": " + o.millis() + " ms").toList();
    }

    long maxMillis() {
        return outcomes.stream().mapToLong(FuzzOutcome::millis).max().orElse(0);
    }

    String slowest() {
        return outcomes.stream().max(java.util.Comparator.comparingLong(FuzzOutcome::millis)).map(FuzzOutcome::input).orElse("-");
    }

    /** Errors grouped by their shape: numbers, quoted names and paths blanked, the first words kept. */
    Map<String, Long> byErrorKind() {
        return outcomes.stream().flatMap(o -> o.errors().stream()).map(FuzzTally::kind)
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
    }

    Map<String, Long> bySeedKind() {
        return outcomes.stream().collect(Collectors.groupingBy(FuzzOutcome::seedKind, TreeMap::new, Collectors.counting()));
    }

    static String kind(String error) {
        String k = error.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\S*/\\S*", "…")
                .replaceAll("\\d+", "N").replaceAll("\\(.*", "").trim();
        String[] words = k.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 9))).replaceAll("[:;,]$", "");
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        b.append("inputs: ").append(inputs()).append('\n');
        b.append("inspected (evidence produced): ").append(inspected()).append('\n');
        b.append("with processing errors: ").append(withErrors()).append('\n');
        b.append("internal errors: ").append(internalErrors().size()).append('\n');
        b.append("raw exception text in a message: ").append(rawMessages().size()).append('\n');
        b.append("missing from the result / unaccounted: ").append(missing().size()).append(" / ").append(unaccounted().size()).append('\n');
        b.append("timeouts (> ").append(perInputBudgetMillis).append(" ms): ").append(timeouts().size()).append('\n');
        b.append("max time per input: ").append(maxMillis()).append(" ms (").append(slowest()).append(")\n");
        b.append("inputs by seed kind:\n");
        bySeedKind().forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
        b.append("errors by kind:\n");
        byErrorKind().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> b.append("  ").append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        return b.toString();
    }
}
