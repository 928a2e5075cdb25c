package dev.credwatch.agent.observation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Measures the distance between AWS's clock and ours from a response's {@code Date} header. */
public final class ServerClock {
    private ServerClock() {
    }

    /**
     * Returns AWS's clock minus the local clock in whole seconds, or null when the header is absent or
     * malformed. The header has one-second resolution and truncates, so half a second is added before
     * rounding: an in-sync clock measures 0, not -1.
     */
    public static Long skewSeconds(String dateHeader, long localEpochMillis) {
        if (dateHeader == null || dateHeader.isEmpty()) {
            return null;
        }
        try {
            long serverMillis = ZonedDateTime.parse(dateHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
            return Math.round((serverMillis + 500 - localEpochMillis) / 1000.0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
