package dev.credwatch.it.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedFiguresTest {
    @Test
    void theRatioIsTheMedianOfEachRoundsOwnRatio() {
        // A slow middle round (the machine busy) lifts both set-ups: paired, it does not move the ratio.
        PairedFigures without = figures(100.0, 300.0, 110.0);
        PairedFigures agent = figures(105.0, 315.0, 121.0);

        assertThat(agent.ratioTo(without)).isCloseTo(1.05, within(1e-9));
        assertThat(agent.median()).isEqualTo(121.0);
    }

    @Test
    void roundsWithoutTheFigureAreLeftOut() {
        PairedFigures without = new PairedFigures(List.of(Map.of("x", 10.0), Map.of("x", 20.0), Map.of()), "x");
        PairedFigures agent = new PairedFigures(List.of(Map.of("x", 11.0), Map.of("x", 26.0), Map.of("x", 99.0)), "x");

        assertThat(agent.ratioTo(without)).isCloseTo((1.1 + 1.3) / 2, within(1e-9));
        assertThat(without.median()).isEqualTo(15.0);
    }

    @Test
    void nothingMeasuredIsNotANumber() {
        assertThat(PairedFigures.median(List.of())).isNaN();
    }

    private static PairedFigures figures(Double... values) {
        return new PairedFigures(java.util.Arrays.stream(values).map(v -> Map.of("x", v)).toList(), "x");
    }
}
