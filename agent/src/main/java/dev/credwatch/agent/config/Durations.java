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
    /**
     * The longest duration a setting takes. Longer ones are typing slips (a unit or digits too many), and
     * beyond it the arithmetic the settings feed (instants, nanosecond deadlines) would overflow.
     */
    public static final Duration MAX = Duration.ofDays(365);

    /**
     * {@link #MAX} in milliseconds has 11 digits, so a part with more is too long in any unit; and 11 digits
     * times a day's milliseconds still fits a long, so no part overflows.
     */
    private static final int MAX_DIGITS = 11;
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * Returns the parsed duration, or null when the text is not a duration of the forms above. A duration
     * too long to hold exactly comes back as one longer than {@link #MAX}, never as an overflow, so that a
     * caller can refuse it by comparing.
     */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (!Grammar.WHOLE.matcher(value).matches()) {
            return null;
        }
        long totalMillis = 0;
        Matcher part = Grammar.PART.matcher(value);
        while (part.find() && totalMillis <= MAX.toMillis()) {
            String digits = part.group(1);
            totalMillis += digits.length() > MAX_DIGITS ? MAX.toMillis() + 1
                    : Long.parseLong(digits) * millisOf(part.group(2));
        }
        return Duration.ofMillis(Math.min(totalMillis, MAX.toMillis() + 1));
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

    /** Compiled when a setting is first parsed: the start line only formats durations, and most JVMs set none. */
    private static final class Grammar {
        static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
        static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    }
}
