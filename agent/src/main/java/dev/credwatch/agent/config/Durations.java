package dev.credwatch.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them: one or more {@code <digits><unit>} parts with the units {@code ms},
 * {@code s}, {@code m}, {@code h} and {@code d}, e.g. {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}.
 * A bare number is refused because its unit would be a guess (seconds? milliseconds?); only {@code 0}
 * is accepted without a unit, since it means the same in every unit.
 */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /** Returns the parsed duration, or null when the text is not a duration of the forms above. */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(value).matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            total = total.plusMillis(Long.parseLong(part.group(1)) * millisOf(part.group(2)));
        }
        return total;
    }

    /** Exact and parseable again: the largest unit that divides the duration, e.g. {@code 90s}, {@code 5m}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (millis != 0 && millis % UNIT_MILLIS[i] == 0) {
                return millis / UNIT_MILLIS[i] + UNIT_NAMES[i];
            }
        }
        return millis == 0 ? "0s" : millis + "ms";
    }

    /**
     * For people reading a hint: the two most significant units down to seconds, sign dropped,
     * e.g. {@code 45s}, {@code 2m}, {@code 4m12s}, {@code 1h5m}, {@code 3d4h}.
     */
    public static String approximate(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < UNIT_NAMES.length - 1 && shown < 2; i++) {
            long unitSeconds = UNIT_MILLIS[i] / 1000;
            long count = seconds / unitSeconds;
            if (count > 0 || shown > 0) {
                seconds -= count * unitSeconds;
                if (count > 0) {
                    text.append(count).append(UNIT_NAMES[i]);
                }
                shown++;
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static long millisOf(String unit) {
        switch (unit) {
            case "d":
                return 86_400_000L;
            case "h":
                return 3_600_000L;
            case "m":
                return 60_000L;
            case "s":
                return 1_000L;
            default:
                return 1L; // "ms", the only other unit the pattern lets through
        }
    }
}
