package dev.credwatch.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw values into typed settings. A bad value is reported once and replaced by the default, not
 * by a lower-precedence source: the operator meant to override, and the default is predictable.
 */
final class SettingParser {
    private static final String STDERR = "stderr";
    private static final String DURATION_FORMS = "a duration such as 90s, 5m or 1h30m (units ms, s, m, h, d)";

    private final ConfigSources sources;
    private final List<String> problems;
    private final LogFileCheck logFileCheck;

    SettingParser(ConfigSources sources, List<String> problems, LogFileCheck logFileCheck) {
        this.sources = sources;
        this.problems = problems;
        this.logFileCheck = logFileCheck;
    }

    Duration duration(ConfigKey key, Duration fallback) {
        ConfigSources.RawValue raw = sources.lookup(key);
        if (raw == null) {
            return fallback;
        }
        Duration parsed = Durations.parse(raw.text);
        if (parsed != null && parsed.compareTo(Durations.MAX) <= 0) {
            return parsed;
        }
        reject(key, raw, durationExpected(raw.text, parsed), Durations.format(fallback));
        return fallback;
    }

    /** One of the enum's constants, matched case-insensitively by name. */
    <E extends Enum<E>> E choice(ConfigKey key, E[] options, E fallback) {
        ConfigSources.RawValue raw = sources.lookup(key);
        if (raw == null) {
            return fallback;
        }
        for (E option : options) {
            if (option.name().equalsIgnoreCase(raw.text)) {
                return option;
            }
        }
        reject(key, raw, alternatives(options), lowerCase(fallback));
        return fallback;
    }

    /** A path, or null for stderr (the default, also written explicitly as {@code stderr}). */
    String logFile() {
        ConfigSources.RawValue raw = sources.lookup(ConfigKey.LOG_FILE);
        if (raw == null || raw.text.equalsIgnoreCase(STDERR)) {
            return null;
        }
        String problem = raw.text.isEmpty() ? "a file path, or stderr" : logFileCheck.problemWith(raw.text);
        if (problem != null) {
            reject(ConfigKey.LOG_FILE, raw, raw.text.isEmpty() ? problem : "a file credwatch can append to, but "
                    + problem, STDERR);
            return null;
        }
        return raw.text;
    }

    static String lowerCase(Enum<?> option) {
        return option.name().toLowerCase(Locale.ROOT);
    }

    private void reject(ConfigKey key, ConfigSources.RawValue raw, String expected, String fallback) {
        problems.add(ProblemLine.invalidValue(raw.given, key.key(), raw.origin, expected,
                ProblemLine.usingTheDefault(fallback)));
    }

    /** Says what is wrong where it can be told: a sign, a missing unit, a size. */
    private static String durationExpected(String text, Duration parsed) {
        if (parsed != null) {
            return "a duration of at most " + Durations.format(Durations.MAX);
        }
        if (text.startsWith("-") && Durations.parse(text.substring(1)) != null) {
            return "a duration that is not negative, such as 90s, 5m or 1h30m";
        }
        if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit)) {
            return "a duration with a unit, such as " + text + "s or " + text + "ms (a bare number has none)";
        }
        return DURATION_FORMS;
    }

    /** "text or json", "auto, on or off". */
    private static String alternatives(Enum<?>[] options) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.length; i++) {
            if (i > 0) {
                text.append(i == options.length - 1 ? " or " : ", ");
            }
            text.append(lowerCase(options[i]));
        }
        return text.toString();
    }
}
