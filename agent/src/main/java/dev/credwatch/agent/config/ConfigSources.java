package dev.credwatch.agent.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The raw configuration text from the three sources, highest precedence first: agent arguments, then
 * {@code credwatch.*} system properties, then {@code CREDWATCH_*} environment variables. An empty (or blank)
 * value counts as set, and so as a bad value: {@code CREDWATCH_LOG_FILE=} is most often a template whose
 * variable was missing, and silently falling through to another source would hide that.
 */
final class ConfigSources {
    /** A raw value and where it came from, as problem lines name it. */
    static final class RawValue {
        /** Trimmed, for parsing. */
        final String text;
        /** As given, for problem lines: "   " shows what was set better than "". */
        final String given;
        final String origin;

        RawValue(String given, String origin) {
            this.text = given.trim();
            this.given = given;
            this.origin = origin;
        }
    }

    private final Map<ConfigKey, String> agentArguments = new EnumMap<ConfigKey, String>(ConfigKey.class);
    private final Properties systemProperties;
    private final Map<String, String> environment;

    ConfigSources(String agentArgs, Properties systemProperties, Map<String, String> environment,
            List<String> problems) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        parseAgentArguments(agentArgs, problems);
    }

    /** The value from the highest-precedence source that sets the key, or null when none does. */
    RawValue lookup(ConfigKey key) {
        String fromArguments = agentArguments.get(key);
        if (fromArguments != null) {
            return new RawValue(fromArguments, "agent argument");
        }
        String fromProperty = systemProperties == null ? null : systemProperties.getProperty(key.systemProperty());
        if (fromProperty != null) {
            return new RawValue(fromProperty, "system property " + key.systemProperty());
        }
        String fromEnvironment = environment == null ? null : environment.get(key.environmentVariable());
        if (fromEnvironment != null) {
            return new RawValue(fromEnvironment, "environment variable " + key.environmentVariable());
        }
        return null;
    }

    /**
     * Entries are {@code key=value} separated by commas; when the text contains a semicolon, semicolons
     * separate the entries instead, so that a value (a log file path) may contain commas:
     * {@code log.file=/var/log/a,b.log;log.format=json}. A repeated key keeps its last value.
     */
    private void parseAgentArguments(String agentArgs, List<String> problems) {
        if (agentArgs == null) {
            return;
        }
        String separator = agentArgs.indexOf(';') >= 0 ? ";" : ",";
        for (String entry : agentArgs.split(separator)) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                problems.add("ignored agent argument " + ProblemText.quote(trimmed) + ": expected key=value");
                continue;
            }
            String name = trimmed.substring(0, equals).trim();
            ConfigKey key = ConfigKey.byKey(name);
            if (key == null) {
                problems.add("unknown key " + ProblemText.quote(name) + " (agent argument): known keys are "
                        + ConfigKey.knownKeys());
                continue;
            }
            agentArguments.put(key, trimmed.substring(equals + 1));
        }
    }
}
