package dev.credwatch.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every credwatch key, every kind of bad value, from every source: exactly one line that names the key, quotes
 * the value, says where it came from, what is accepted and which default is used; and the default is used.
 */
class BadValuesTest {
    private static final ConfigKey[] DURATION_KEYS = {
        ConfigKey.EXPIRY_WARN, ConfigKey.SKEW_WARN, ConfigKey.LOG_REPEAT, ConfigKey.FETCH_WARN
    };
    private static final ConfigKey[] CHOICE_KEYS = {
        ConfigKey.LOG_FORMAT, ConfigKey.MASK, ConfigKey.OTEL, ConfigKey.LOG_LEVEL
    };
    private static final String FORMS = "a duration such as 90s, 5m or 1h30m (units ms, s, m, h, d)";
    private static final String[][] BAD_DURATIONS = {
        {"", FORMS},
        {"   ", FORMS},
        {"5 parsecs", FORMS},
        {"10x", FORMS},
        {"1.5h", FORMS},
        {"PT5M", FORMS},
        {"-5m", "a duration that is not negative, such as 90s, 5m or 1h30m"},
        {"999999999999h", "a duration of at most 365d"},
        {"366d", "a duration of at most 365d"},
        {"99999999999999999999999ms", "a duration of at most 365d"},
        {String.join("", Collections.nCopies(120, "999999999d")), "a duration of at most 365d"},
        {"60", "a duration with a unit, such as 60s or 60ms (a bare number has none)"},
    };
    private static final String[] BAD_CHOICES = {"", "  ", "banana", "1", "json5", "fulll", "warning"};

    private static final CredwatchConfig DEFAULTS = CredwatchConfig.defaults();

    static Stream<Arguments> badDurations() {
        List<Arguments> cases = new ArrayList<>();
        for (ConfigKey key : DURATION_KEYS) {
            for (String[] bad : BAD_DURATIONS) {
                for (Source source : Source.values()) {
                    cases.add(Arguments.of(key, bad[0], source, bad[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}=\"{1}\" as {2}")
    @MethodSource("badDurations")
    void aBadDurationIsOneLineAndTheDefault(ConfigKey key, String value, Source source, String expected) {
        LoadedConfig loaded = source.load(key, value);

        assertThat(loaded.problems()).singleElement().isEqualTo(ProblemLine.invalidValue(source.shown(value),
                key.key(), source.origin(key), expected, "using the default " + describedDefault(key)));
        assertThat(setting(loaded.config(), key)).isEqualTo(setting(DEFAULTS, key));
    }

    static Stream<Arguments> badChoices() {
        List<Arguments> cases = new ArrayList<>();
        for (ConfigKey key : CHOICE_KEYS) {
            for (String value : BAD_CHOICES) {
                for (Source source : Source.values()) {
                    cases.add(Arguments.of(key, value, source));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}=\"{1}\" as {2}")
    @MethodSource("badChoices")
    void aBadChoiceIsOneLineListingTheChoicesAndTheDefault(ConfigKey key, String value, Source source) {
        LoadedConfig loaded = source.load(key, value);

        assertThat(loaded.problems()).singleElement().asString()
                .startsWith("invalid value \"" + source.shown(value) + "\" for " + key.key() + " (" + source.origin(key)
                        + "): expected ")
                .contains(" or ")
                .endsWith("; using the default " + describedDefault(key));
        assertThat(setting(loaded.config(), key)).isEqualTo(setting(DEFAULTS, key));
    }

    @ParameterizedTest(name = "log.file=\"{0}\"")
    @MethodSource("blankValues")
    void anEmptyLogFileIsOneLineAndStderr(String value) {
        for (Source source : Source.values()) {
            LoadedConfig loaded = source.load(ConfigKey.LOG_FILE, value);

            assertThat(loaded.problems()).containsExactly(ProblemLine.invalidValue(source.shown(value), "log.file",
                    source.origin(ConfigKey.LOG_FILE), "a file path, or stderr", "using the default stderr"));
            assertThat(loaded.config().logFile()).isNull();
        }
    }

    static Stream<String> blankValues() {
        return Stream.of("", " ", "\t");
    }

    @Test
    void aLogFileTheCheckRefusesIsOneLineWithItsReasonAndStderrInTheStartLine() {
        List<String> checked = new ArrayList<>();
        LogFileCheck refuseAll = path -> {
            checked.add(path);
            return "/srv is a directory";
        };

        LoadedConfig loaded = CredwatchConfig.load(null, new Properties(),
                Collections.singletonMap("CREDWATCH_LOG_FILE", "/srv"), refuseAll);

        assertThat(loaded.problems()).containsExactly("invalid value \"/srv\" for log.file (environment variable "
                + "CREDWATCH_LOG_FILE): expected a file credwatch can append to, but /srv is a directory; using the "
                + "default stderr");
        assertThat(loaded.config().logFile()).isNull();
        assertThat(loaded.config().describe()).contains("log.file=stderr");
        assertThat(checked).containsExactly("/srv");
        assertThat(CredwatchConfig.load("log.file=stderr", null, null, refuseAll).problems()).isEmpty();
        assertThat(checked).hasSize(1);
    }

    @Test
    void everyKeyBadAtOnceGivesOneLinePerKey() {
        LoadedConfig loaded = CredwatchConfig.load("expiry.warn=-5m;skew.warn=999999999999h;log.format=xml;"
                + "log.file=;log.repeat=10x;mask=none;otel=maybe;fetch.warn=5 parsecs;log.level=debug", null, null);

        assertThat(loaded.problems()).hasSize(ConfigKey.values().length);
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(loaded.problems()).filteredOn(line -> line.contains(" for " + key.key() + " (agent argument)"))
                    .hasSize(1);
        }
        assertThat(loaded.config().describe()).isEqualTo(DEFAULTS.describe());
    }

    @Test
    void zeroIsAcceptedForEveryDurationBecauseItMeansOff() {
        for (ConfigKey key : DURATION_KEYS) {
            LoadedConfig loaded = Source.ENVIRONMENT_VARIABLE.load(key, "0");

            assertThat(loaded.problems()).isEmpty();
            assertThat(setting(loaded.config(), key)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void theLongestDurationIsAccepted() {
        assertThat(Source.AGENT_ARGUMENT.load(ConfigKey.LOG_REPEAT, "365d").config().logRepeat())
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void hostileTextNeverEscapesAsAnException() {
        String[] hostile = {"\u0000", "\"\\\n\r", "\uD800", "=", "==", String.join("", Collections.nCopies(10_000, "9"))};
        for (ConfigKey key : ConfigKey.values()) {
            for (String value : hostile) {
                for (Source source : Source.values()) {
                    assertThatCode(() -> assertThat(source.load(key, value).problems().size()).isLessThanOrEqualTo(1))
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    private static String describedDefault(ConfigKey key) {
        String describe = DEFAULTS.describe();
        int start = describe.indexOf(key.key() + '=') + key.key().length() + 1;
        int end = describe.indexOf(' ', start);
        return describe.substring(start, end < 0 ? describe.length() : end);
    }

    private static Object setting(CredwatchConfig config, ConfigKey key) {
        switch (key) {
            case EXPIRY_WARN:
                return config.expiryWarn();
            case SKEW_WARN:
                return config.skewWarn();
            case LOG_FORMAT:
                return config.logFormat();
            case LOG_FILE:
                return config.logFile();
            case LOG_REPEAT:
                return config.logRepeat();
            case MASK:
                return config.mask();
            case OTEL:
                return config.otel();
            case FETCH_WARN:
                return config.fetchWarn();
            default:
                return config.logLevel();
        }
    }

    /** The three places a value can come from, as the problem line names them. */
    enum Source {
        AGENT_ARGUMENT, SYSTEM_PROPERTY, ENVIRONMENT_VARIABLE;

        LoadedConfig load(ConfigKey key, String value) {
            Properties properties = new Properties();
            Map<String, String> environment = new HashMap<>();
            String arguments = null;
            if (this == AGENT_ARGUMENT) {
                arguments = key.key() + '=' + value;
            } else if (this == SYSTEM_PROPERTY) {
                properties.setProperty(key.systemProperty(), value);
            } else {
                environment.put(key.environmentVariable(), value);
            }
            return CredwatchConfig.load(arguments, properties, environment);
        }

        /** An agent argument's entry is trimmed whole, so its trailing blanks are gone before the value is read. */
        String shown(String value) {
            return this == AGENT_ARGUMENT ? value.trim() : value;
        }

        String origin(ConfigKey key) {
            switch (this) {
                case AGENT_ARGUMENT:
                    return "agent argument";
                case SYSTEM_PROPERTY:
                    return "system property " + key.systemProperty();
                default:
                    return "environment variable " + key.environmentVariable();
            }
        }
    }
}
