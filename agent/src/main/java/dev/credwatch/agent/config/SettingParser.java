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

    private final ConfigSources sources;
    private final List<String> problems;

    SettingParser(ConfigSources sources, List<String> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    Duration duration(ConfigKey key, Duration fallback) {
        ConfigSources.RawValue raw = sources.lookup(key);
        if (raw == null) {
            return fallback;
        }
        Duration parsed = Durations.parse(raw.text);
        if (parsed == null) {
            reject(key, raw, "a duration such as 90s, 5m or 1h", Durations.format(fallback));
            return fallback;
        }
        return parsed;
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
        return raw == null || raw.text.equalsIgnoreCase(STDERR) ? null : raw.text;
    }

    static String lowerCase(Enum<?> option) {
        return option.name().toLowerCase(Locale.ROOT);
    }

    private void reject(ConfigKey key, ConfigSources.RawValue raw, String expected, String fallback) {
        problems.add("invalid value " + ProblemText.quote(raw.text) + " for " + key.key() + " (" + raw.origin
                + "): expected " + expected + "; using the default " + fallback);
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
