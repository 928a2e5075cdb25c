package dev.credwatch.demo.fakeaws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The fake's idea of "AWS time": the real clock plus an adjustable offset. Everything a client
 * could compare with its own clock (Date headers, the skew check, expirations of issued
 * credentials) reads this clock, so one offset makes the whole fake look like a drifted AWS.
 */
final class FakeClock {
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    // Two-digit day on purpose: RFC_1123_DATE_TIME writes "1 Nov", which HTTP date parsers may reject.
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    FakeClock(Clock base) {
        this.base = base;
    }

    Instant now() {
        return base.instant().plus(offset);
    }

    Duration offset() {
        return offset;
    }

    void setOffset(Duration offset) {
        this.offset = offset;
    }

    /** The value of an HTTP {@code Date} header, e.g. {@code Sun, 22 Nov 2026 05:33:00 GMT}. */
    String httpDate() {
        return httpDate(now());
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** ISO-8601 in UTC with whole seconds, the format of STS and metadata {@code Expiration}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ISO-8601 with milliseconds, the format S3 uses in listings. */
    static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
