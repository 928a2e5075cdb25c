package dev.credwatch.agent.observation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServerClockTest {
    private static final String DATE = "Sun, 22 Nov 2026 10:00:00 GMT";
    private static final long AT_DATE = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();

    @Test
    void aClockInSyncMeasuresZeroThroughoutTheHeadersSecond() {
        // The header truncates to the second: a response read late in that second is still in sync.
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 1)).isZero();
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 499)).isZero();
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 999)).isZero();
    }

    @Test
    void withinASecondEitherWayIsTheHeadersResolutionNotASkew() {
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE)).isZero();
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 1_400)).isZero();
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE - 900)).isZero();
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 2_600)).isEqualTo(-2L);
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE - 1_600)).isEqualTo(2L);
    }

    @Test
    void aLocalClockBehindAwsIsPositive() {
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE - 1_200_000 + 250)).isEqualTo(1200L);
    }

    @Test
    void aLocalClockAheadOfAwsIsNegative() {
        assertThat(ServerClock.skewSeconds(DATE, AT_DATE + 300_000 + 250)).isEqualTo(-300L);
    }

    @Test
    void theSameHeaderAgainGivesTheSameAnswerWithoutBeingParsedAgain() {
        Long first = ServerClock.skewSeconds("Mon, 23 Nov 2026 10:00:00 GMT", AT_DATE + 250);
        Long again = ServerClock.skewSeconds("Mon, 23 Nov 2026 10:00:00 GMT", AT_DATE + 250);

        assertThat(first).isEqualTo(86_400L).isEqualTo(again);
    }

    @Test
    void noUsableHeaderMeansUnknownNotZero() {
        assertThat(ServerClock.skewSeconds(null, AT_DATE)).isNull();
        assertThat(ServerClock.skewSeconds("", AT_DATE)).isNull();
        assertThat(ServerClock.skewSeconds("yesterday", AT_DATE)).isNull();
        assertThat(ServerClock.skewSeconds("2026-11-22T10:00:00Z", AT_DATE)).isNull();
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        assertThat(ServerClock.skewSeconds("  " + DATE + " ", AT_DATE + 250)).isZero();
    }

    @Test
    void aDateNoAwsClockCouldShowIsNoSkewAtAll() {
        long now = java.time.Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

        assertThat(ServerClock.skewSeconds("Mon, 01 Jan 1900 00:00:00 GMT", now)).isNull();
        assertThat(ServerClock.skewSeconds("Fri, 31 Dec 9999 23:59:59 GMT", now)).isNull();
        // The header truncates to the second, so half a second is added: 20 min and 0.5 s round to 1201 s.
        assertThat(ServerClock.skewSeconds("Tue, 01 Dec 2026 12:20:00 GMT", now)).isEqualTo(1201L);
    }

    @Test
    void aLocalClockDecadesOffIsStillMeasured() {
        // A dead clock battery: the machine thinks it is 1970, AWS's answer is right.
        assertThat(ServerClock.skewSeconds("Tue, 01 Dec 2026 12:00:00 GMT", 0L)).isEqualTo(1796126401L);
    }
}
