package dev.credwatch.agent.observation;

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
     * Returns AWS's clock minus the local clock in whole seconds, or null when the header is absent or
     * malformed. The header has one-second resolution and truncates, so half a second is added before
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
