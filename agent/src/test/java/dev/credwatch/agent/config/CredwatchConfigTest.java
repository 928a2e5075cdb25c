package dev.credwatch.agent.config;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.log.LogFormat;
import dev.credwatch.agent.log.LogThreshold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CredwatchConfigTest {

    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    private LoadedConfig load(String agentArgs) {
        return CredwatchConfig.load(agentArgs, properties, environment);
    }

    @Test
    void defaultsMatchTheDesign() {
        LoadedConfig loaded = load(null);

        CredwatchConfig config = loaded.config();
        assertThat(loaded.problems()).isEmpty();
        assertThat(config.expiryWarn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.skewWarn()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(config.logFile()).isNull();
        assertThat(config.logRepeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.mask()).isEqualTo(AccessKeyMask.PARTIAL);
        assertThat(config.otel()).isEqualTo(OtelMode.AUTO);
        assertThat(CredwatchConfig.defaults().describe()).isEqualTo(config.describe());
    }

    @Test
    void readsEveryKeyFromAgentArguments() {
        LoadedConfig loaded = load("expiry.warn=10m,skew.warn=30s,log.format=json,log.file=/tmp/cw.log,"
                + "log.repeat=5m,mask=full,otel=off");

        CredwatchConfig config = loaded.config();
        assertThat(loaded.problems()).isEmpty();
        assertThat(config.expiryWarn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.skewWarn()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.logFile()).isEqualTo("/tmp/cw.log");
        assertThat(config.logRepeat()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.mask()).isEqualTo(AccessKeyMask.FULL);
        assertThat(config.otel()).isEqualTo(OtelMode.OFF);
    }

    @Test
    void agentArgumentsWinOverSystemPropertiesWhichWinOverEnvironment() {
        environment.put("CREDWATCH_EXPIRY_WARN", "1h");
        environment.put("CREDWATCH_SKEW_WARN", "2m");
        environment.put("CREDWATCH_LOG_FORMAT", "json");
        properties.setProperty("credwatch.expiry.warn", "30m");
        properties.setProperty("credwatch.skew.warn", "90s");

        CredwatchConfig config = load("expiry.warn=10m").config();

        assertThat(config.expiryWarn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.skewWarn()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void environmentVariableNamesAreUpperCaseWithUnderscores() {
        assertThat(ConfigKey.EXPIRY_WARN.environmentVariable()).isEqualTo("CREDWATCH_EXPIRY_WARN");
        assertThat(ConfigKey.LOG_FILE.environmentVariable()).isEqualTo("CREDWATCH_LOG_FILE");
        assertThat(ConfigKey.MASK.environmentVariable()).isEqualTo("CREDWATCH_MASK");
        assertThat(ConfigKey.LOG_REPEAT.systemProperty()).isEqualTo("credwatch.log.repeat");
    }

    @Test
    void anEmptyValueIsABadValueAndTheDefaultNotALowerSourceIsUsed() {
        environment.put("CREDWATCH_LOG_FORMAT", "json");
        properties.setProperty("credwatch.log.format", "  ");
        environment.put("CREDWATCH_MASK", "full");

        LoadedConfig loaded = load("mask=");

        assertThat(loaded.problems()).containsExactly(
                "invalid value \"  \" for log.format (system property credwatch.log.format): expected text or json;"
                        + " using the default text",
                "invalid value \"\" for mask (agent argument): expected partial or full; using the default partial");
        assertThat(loaded.config().logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(loaded.config().mask()).isEqualTo(AccessKeyMask.PARTIAL);
    }

    @Test
    void anInvalidDurationNamesKeyValueOriginAndFormsAndFallsBackToTheDefault() {
        properties.setProperty("credwatch.expiry.warn", "30m");

        LoadedConfig loaded = load("expiry.warn=5x");

        assertThat(loaded.problems()).containsExactly("invalid value \"5x\" for expiry.warn (agent argument): "
                + "expected a duration such as 90s, 5m or 1h30m (units ms, s, m, h, d); using the default 5m");
        assertThat(loaded.config().expiryWarn()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aBareNumberIsRefusedBecauseItsUnitIsAmbiguous() {
        environment.put("CREDWATCH_LOG_REPEAT", "60");

        LoadedConfig loaded = load(null);

        assertThat(loaded.problems()).containsExactly("invalid value \"60\" for log.repeat (environment variable "
                + "CREDWATCH_LOG_REPEAT): expected a duration with a unit, such as 60s or 60ms (a bare number has none);"
                + " using the default 1m");
        assertThat(loaded.config().logRepeat()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anInvalidChoiceListsTheAcceptedValues() {
        properties.setProperty("credwatch.log.format", "xml");
        properties.setProperty("credwatch.otel", "maybe");

        LoadedConfig loaded = load(null);

        assertThat(loaded.problems()).containsExactly(
                "invalid value \"xml\" for log.format (system property credwatch.log.format): "
                        + "expected text or json; using the default text",
                "invalid value \"maybe\" for otel (system property credwatch.otel): "
                        + "expected auto, on or off; using the default auto");
        assertThat(loaded.config().otel()).isEqualTo(OtelMode.AUTO);
    }

    @Test
    void choicesIgnoreCase() {
        CredwatchConfig config = load("log.format=JSON,mask=Full,otel=ON").config();

        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(config.mask()).isEqualTo(AccessKeyMask.FULL);
        assertThat(config.otel()).isEqualTo(OtelMode.ON);
    }

    @Test
    void unknownAndMalformedAgentArgumentsAreReported() {
        LoadedConfig loaded = load("expiry.warm=10m, verbose ,skew.warn=2m");

        assertThat(loaded.problems()).containsExactly(
                "unknown key \"expiry.warm\" (agent argument): known keys are expiry.warn, skew.warn, log.format, "
                        + "log.file, log.repeat, mask, otel, fetch.warn, log.level",
                "ignored agent argument \"verbose\": expected key=value");
        assertThat(loaded.config().skewWarn()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void semicolonsSeparateEntriesSoThatAPathMayContainCommas() {
        CredwatchConfig config = load("log.file=/var/log/a,b.log;log.format=json").config();

        assertThat(config.logFile()).isEqualTo("/var/log/a,b.log");
        assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(load("log.file=/var/log/a,b.log;").config().logFile()).isEqualTo("/var/log/a,b.log");
    }

    @Test
    void aRepeatedAgentArgumentKeepsItsLastValue() {
        assertThat(load("mask=full,mask=partial").config().mask()).isEqualTo(AccessKeyMask.PARTIAL);
    }

    @Test
    void stderrCanBeNamedExplicitly() {
        environment.put("CREDWATCH_LOG_FILE", "/tmp/x.log");

        assertThat(load("log.file=stderr").config().logFile()).isNull();
    }

    @Test
    void problemLinesQuoteAndShortenHostileValues() {
        LoadedConfig loaded = load("skew.warn=\"a\nb" + "x".repeat(200));

        String problem = loaded.problems().get(0);
        assertThat(problem).startsWith("invalid value \"\\\"a\\u000ab").contains("...\" for skew.warn")
                .doesNotContain("\n").hasSizeLessThan(250);
    }

    @Test
    void describeListsTheEffectiveSettingsAsLogfmt() {
        assertThat(CredwatchConfig.defaults().describe()).isEqualTo(
                "expiry.warn=5m skew.warn=1m log.format=text log.file=stderr log.repeat=1m mask=partial otel=auto "
                        + "fetch.warn=1s log.level=info");
        assertThat(load("log.file=/tmp/my logs/cw.log,expiry.warn=90s").config().describe()).isEqualTo(
                "expiry.warn=90s skew.warn=1m log.format=text log.file=\"/tmp/my logs/cw.log\" log.repeat=1m "
                        + "mask=partial otel=auto fetch.warn=1s log.level=info");
    }

    @Test
    void fetchWarnAndLogLevelAreReadLikeEveryOtherKey() {
        LoadedConfig loaded = load("fetch.warn=3s,log.level=WARN");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config().fetchWarn()).isEqualTo(Duration.ofSeconds(3));
        assertThat(loaded.config().logLevel()).isEqualTo(LogThreshold.WARN);
        assertThat(CredwatchConfig.defaults().fetchWarn()).isEqualTo(Duration.ofSeconds(1));
        assertThat(CredwatchConfig.defaults().logLevel()).isEqualTo(LogThreshold.INFO);
    }

    @Test
    void aBadLogLevelNamesTheChoicesAndKeepsInfo() {
        LoadedConfig loaded = load("log.level=debug,fetch.warn=soon");

        assertThat(loaded.problems()).containsExactly(
                "invalid value \"soon\" for fetch.warn (agent argument): expected a duration such as 90s, 5m or"
                        + " 1h30m (units ms, s, m, h, d); using the default 1s",
                "invalid value \"debug\" for log.level (agent argument): expected info or warn; using the default"
                        + " info");
        assertThat(loaded.config().logLevel()).isEqualTo(LogThreshold.INFO);
    }

    @Test
    void nullSourcesAreTolerated() {
        LoadedConfig loaded = CredwatchConfig.load("", null, Collections.emptyMap());

        assertThat(loaded.problems()).isEmpty();
        assertThat(CredwatchConfig.load(null, null, null).config().expiryWarn()).isEqualTo(Duration.ofMinutes(5));
    }
}
