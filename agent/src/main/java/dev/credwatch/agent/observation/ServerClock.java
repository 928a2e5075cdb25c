package dev.credwatch.agent.observation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Measures the distance between AWS's clock and ours from a response's {@code Date} header. */
public final class ServerClock {
    /**
     * The last header parsed: responses within the same second carry the same text, so most calls
     * skip the parse (and its allocations). Replaced as a whole, so readers see a consistent pair.
     */
    private static volatile ParsedDate lastParsed = new ParsedDate("", 0);

    private ServerClock() {
    }

    /** A skew this small is the header's resolution and the response's transit time, not a clock off. */
    private static final long RESOLUTION_SECONDS = 1;

    /**
     * AWS's clock is right; a {@code Date} outside these years is a proxy's or a fault's, not AWS's, and says
     * nothing about the local clock (which may well be off by decades: a dead clock battery reads 1970).
     */
    private static final long PLAUSIBLE_FROM_MILLIS = Instant.parse("2010-01-01T00:00:00Z").toEpochMilli();
    private static final long PLAUSIBLE_UNTIL_MILLIS = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();

    /**
     * Returns AWS's clock minus the local clock in whole seconds, or null when the header is absent,
     * malformed or implausible. The header has one-second resolution and truncates, so half a second is added before
     * rounding, and anything within a second either way is 0: an in-sync clock measures 0, not -1 or 1.
     */
    public static Long skewSeconds(String dateHeader, long localEpochMillis) {
        if (dateHeader == null || dateHeader.isEmpty()) {
            return null;
        }
        ParsedDate parsed = lastParsed;
        if (!parsed.header.equals(dateHeader)) {
            try {
                parsed = new ParsedDate(dateHeader, ZonedDateTime.parse(dateHeader.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
            } catch (DateTimeParseException e) {
                return null;
            }
            lastParsed = parsed;
        }
        if (parsed.epochMillis < PLAUSIBLE_FROM_MILLIS || parsed.epochMillis >= PLAUSIBLE_UNTIL_MILLIS) {
            return null;
        }
        long skew = Math.round((parsed.epochMillis + 500 - localEpochMillis) / 1000.0);
        return Math.abs(skew) <= RESOLUTION_SECONDS ? 0L : skew;
    }

    private static final class ParsedDate {
        final String header;
        final long epochMillis;

        ParsedDate(String header, long epochMillis) {
            this.header = header;
            this.epochMillis = epochMillis;
        }
    }
}
