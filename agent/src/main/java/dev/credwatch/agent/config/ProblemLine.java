package dev.credwatch.agent.config;

/**
 * The one form of every configuration problem, for credwatch's keys and the {@code OTEL_*} settings alike:
 * {@code invalid value "5x" for expiry.warn (agent argument): expected a duration such as 90s, 5m or 1h30m;
 * using the default 5m}. It names the key, the value, where it came from, what is accepted and what is used
 * instead, so that an operator can fix the setting from that line alone.
 */
public final class ProblemLine {
    private ProblemLine() {
    }

    /**
     * @param value   the text as given: quoted, escaped and shortened here
     * @param setting the key as the user wrote it, e.g. {@code expiry.warn} or {@code OTEL_EXPORTER_OTLP_PROTOCOL}
     * @param origin  where the value came from, e.g. {@code agent argument}, {@code environment variable}
     * @param outcome what is done instead, e.g. {@link #usingTheDefault}
     */
    public static String invalidValue(String value, String setting, String origin, String expected, String outcome) {
        return line(ProblemText.quote(value), setting, origin, expected, outcome);
    }

    /** For a value that may hold credentials (OTLP headers carry API keys): the value is never printed. */
    public static String invalidSecretValue(String setting, String origin, String expected, String outcome) {
        return line("(not shown, it may hold credentials)", setting, origin, expected, outcome);
    }

    public static String usingTheDefault(String fallback) {
        return "using the default " + fallback;
    }

    private static String line(String shownValue, String setting, String origin, String expected, String outcome) {
        return "invalid value " + shownValue + " for " + setting + " (" + origin + "): expected " + expected + "; "
                + outcome;
    }
}
