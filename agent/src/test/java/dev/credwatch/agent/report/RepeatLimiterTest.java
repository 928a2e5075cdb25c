package dev.credwatch.agent.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void admitsOncePerPeriodAndCountsTheRest() {
        RepeatLimiter limiter = new RepeatLimiter(Duration.ofSeconds(60), 10);

        assertThat(limiter.admit("a", T0)).isZero();
        assertThat(limiter.admit("a", T0.plusSeconds(1))).isEqualTo(RepeatLimiter.SUPPRESS);
        assertThat(limiter.admit("a", T0.plusSeconds(59))).isEqualTo(RepeatLimiter.SUPPRESS);
        assertThat(limiter.admit("a", T0.plusSeconds(60))).isEqualTo(2);
        assertThat(limiter.admit("a", T0.plusSeconds(200))).isZero();
    }

    @Test
    void forgetsTheLeastRecentlySeenKeyBeyondItsBound() {
        RepeatLimiter limiter = new RepeatLimiter(Duration.ofSeconds(60), 2);

        limiter.admit("a", T0);
        limiter.admit("b", T0);
        limiter.admit("a", T0.plusSeconds(1));
        limiter.admit("c", T0.plusSeconds(2));

        assertThat(limiter.admit("a", T0.plusSeconds(3))).as("a was seen recently and kept")
                .isEqualTo(RepeatLimiter.SUPPRESS);
        assertThat(limiter.admit("b", T0.plusSeconds(3))).as("b was evicted, so it goes through").isZero();
    }
}
