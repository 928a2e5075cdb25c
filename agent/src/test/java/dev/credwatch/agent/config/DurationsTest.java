package dev.credwatch.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "90s, 90000",
            "5m, 300000",
            "1h, 3600000",
            "500ms, 500",
            "2d, 172800000",
            "1h30m, 5400000",
            "1m30s, 90000",
            "' 5M ', 300000",
            "0, 0",
            "0s, 0"
    })
    void parsesDurationsWithUnits(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "5x", "", "m", "-5m", "5 m", "1.5h", "5m ago", "10 parsecs", "PT5M", "5mm"})
    void refusesBareNumbersAndUnknownForms(String text) {
        assertThat(Durations.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"366d", "1234567890s", "999999999999h", "99999999999999999999999999ms", "365d1ms"})
    void aDurationBeyondTheMaximumComesBackLongerThanItInsteadOfOverflowing(String text) {
        assertThat(Durations.parse(text)).isGreaterThan(Durations.MAX);
    }

    @Test
    void evenAThousandMaximalPartsDoNotOverflow() {
        assertThat(Durations.parse(String.join("", Collections.nCopies(1000, "99999999999d"))))
                .isGreaterThan(Durations.MAX);
        assertThat(Durations.parse("365d")).isEqualTo(Durations.MAX).isEqualTo(Duration.ofDays(365));
    }

    @ParameterizedTest
    @CsvSource({"300000, 5m", "60000, 1m", "90000, 90s", "3600000, 1h", "500, 500ms", "0, 0s", "86400000, 1d"})
    void formatsExactlyInTheLargestDividingUnit(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({
            "45, 45s",
            "120, 2m",
            "252, 4m12s",
            "3900, 1h5m",
            "3912, 1h5m",
            "3630, 1h",
            "273600, 3d4h",
            "0, 0s",
            "-150, 2m30s"
    })
    void approximatesForHumansWithTwoUnits(long seconds, String text) {
        assertThat(Durations.approximate(Duration.ofSeconds(seconds))).isEqualTo(text);
    }
}
