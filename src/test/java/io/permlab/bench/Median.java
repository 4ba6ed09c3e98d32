package io.permlab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians of timing samples, in milliseconds. */
final class Median {
    private Median() {
    }

    static double of(List<? extends Number> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>();
        samples.forEach(n -> sorted.add(n.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format("%.0f ms", millis);
    }

    static String range(List<? extends Number> samples) {
        double min = samples.stream().mapToDouble(Number::doubleValue).min().orElse(Double.NaN);
        double max = samples.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
        return String.format("%.0f–%.0f", min, max);
    }
}
