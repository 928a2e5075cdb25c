package dev.credwatch.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One figure of one set-up across the benchmark's rounds, in round order. A ratio between two set-ups is the
 * median of the rounds' own ratios, not the ratio of two medians: each round runs its set-ups back to back, so
 * a slower spell of the shared machine weighs on both sides of a round's ratio instead of on one median.
 */
final class PairedFigures {
    /** By round; null where the round did not measure this figure (per-call figures come from the first rounds). */
    private final List<Double> byRound = new ArrayList<>();

    PairedFigures(List<Map<String, Double>> rounds, String key) {
        for (Map<String, Double> round : rounds) {
            byRound.add(round.get(key));
        }
    }

    double median() {
        List<Double> measured = new ArrayList<>();
        for (Double value : byRound) {
            if (value != null) {
                measured.add(value);
            }
        }
        return median(measured);
    }

    double ratioTo(PairedFigures baseline) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(byRound.size(), baseline.byRound.size()); round++) {
            Double value = byRound.get(round);
            Double base = baseline.byRound.get(round);
            if (value != null && base != null) {
                ratios.add(value / base);
            }
        }
        return median(ratios);
    }

    /** The middle value; of an even count, the mean of the middle two. NaN when nothing was measured. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
