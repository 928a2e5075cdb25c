package dev.credwatch.agent.config;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.log.LogFormat;
import dev.credwatch.agent.log.LogThreshold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The agent's settings, read once at start; see DESIGN.md "Configuration" for the keys. */
public final class CredwatchConfig {
    private static final Duration DEFAULT_EXPIRY_WARN = Duration.ofMinutes(5);
    private static final Duration DEFAULT_SKEW_WARN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_LOG_REPEAT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_FETCH_WARN = Duration.ofSeconds(1);

    private final Duration expiryWarn;
    private final Duration skewWarn;
    private final LogFormat logFormat;
    private final String logFile;
    private final Duration logRepeat;
    private final AccessKeyMask mask;
    private final OtelMode otel;
    private final Duration fetchWarn;
    private final LogThreshold logLevel;

    private CredwatchConfig(SettingParser settings) {
        this.expiryWarn = settings.duration(ConfigKey.EXPIRY_WARN, DEFAULT_EXPIRY_WARN);
        this.skewWarn = settings.duration(ConfigKey.SKEW_WARN, DEFAULT_SKEW_WARN);
        this.logFormat = settings.choice(ConfigKey.LOG_FORMAT, LogFormat.values(), LogFormat.TEXT);
        this.logFile = settings.logFile();
        this.logRepeat = settings.duration(ConfigKey.LOG_REPEAT, DEFAULT_LOG_REPEAT);
        this.mask = settings.choice(ConfigKey.MASK, AccessKeyMask.values(), AccessKeyMask.PARTIAL);
        this.otel = settings.choice(ConfigKey.OTEL, OtelMode.values(), OtelMode.AUTO);
        this.fetchWarn = settings.duration(ConfigKey.FETCH_WARN, DEFAULT_FETCH_WARN);
        this.logLevel = settings.choice(ConfigKey.LOG_LEVEL, LogThreshold.values(), LogThreshold.INFO);
    }

    /**
     * Reads agent arguments ({@code key=value} pairs, see {@link ConfigSources}), then {@code credwatch.*}
     * system properties, then {@code CREDWATCH_*} environment variables; any of them may be null. The
     * log file is taken as it is written, without looking at the disk.
     */
    public static LoadedConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment) {
        return load(agentArgs, systemProperties, environment, LogFileCheck.NONE);
    }

    /** As above, and a {@code log.file} that {@code logFileCheck} refuses is a bad value: stderr is used. */
    public static LoadedConfig load(String agentArgs, Properties systemProperties, Map<String, String> environment,
                                    LogFileCheck logFileCheck) {
        List<String> problems = new ArrayList<String>();
        ConfigSources sources = new ConfigSources(agentArgs, systemProperties, environment, problems);
        CredwatchConfig config = new CredwatchConfig(new SettingParser(sources, problems, logFileCheck));
        return new LoadedConfig(config, problems);
    }

    public static CredwatchConfig defaults() {
        return load(null, null, Collections.<String, String>emptyMap()).config();
    }

    public Duration expiryWarn() {
        return expiryWarn;
    }

    public Duration skewWarn() {
        return skewWarn;
    }

    public LogFormat logFormat() {
        return logFormat;
    }

    /** The file lines are appended to, or null for stderr. */
    public String logFile() {
        return logFile;
    }

    public Duration logRepeat() {
        return logRepeat;
    }

    public AccessKeyMask mask() {
        return mask;
    }

    public OtelMode otel() {
        return otel;
    }

    /** Warn when a credential fetch an AWS call waited for took longer than this. */
    public Duration fetchWarn() {
        return fetchWarn;
    }

    public LogThreshold logLevel() {
        return logLevel;
    }

    /** The effective settings as logfmt {@code key=value} pairs, in contract order, for the start line. */
    public String describe() {
        return ConfigKey.EXPIRY_WARN.key() + '=' + Durations.format(expiryWarn)
                + ' ' + ConfigKey.SKEW_WARN.key() + '=' + Durations.format(skewWarn)
                + ' ' + ConfigKey.LOG_FORMAT.key() + '=' + SettingParser.lowerCase(logFormat)
                + ' ' + ConfigKey.LOG_FILE.key() + '=' + quoteIfNeeded(logFile == null ? "stderr" : logFile)
                + ' ' + ConfigKey.LOG_REPEAT.key() + '=' + Durations.format(logRepeat)
                + ' ' + ConfigKey.MASK.key() + '=' + SettingParser.lowerCase(mask)
                + ' ' + ConfigKey.OTEL.key() + '=' + SettingParser.lowerCase(otel)
                + ' ' + ConfigKey.FETCH_WARN.key() + '=' + Durations.format(fetchWarn)
                + ' ' + ConfigKey.LOG_LEVEL.key() + '=' + SettingParser.lowerCase(logLevel);
    }

    @Override
    public String toString() {
        return "CredwatchConfig{" + describe() + '}';
    }

    // Only a path can hold spaces, quotes or '='; the report package's encoder is not used here so that
    // config stays at the bottom of the dependency graph.
    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || Character.isISOControl(c)) {
                return ProblemText.quote(value, Integer.MAX_VALUE);
            }
        }
        return value;
    }
}
