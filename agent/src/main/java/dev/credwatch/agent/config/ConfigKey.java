package dev.credwatch.agent.config;

import java.util.Locale;

/** The configuration keys of the contract, and the names they take in each source. */
public enum ConfigKey {
    EXPIRY_WARN("expiry.warn"),
    SKEW_WARN("skew.warn"),
    LOG_FORMAT("log.format"),
    LOG_FILE("log.file"),
    LOG_REPEAT("log.repeat"),
    MASK("mask"),
    OTEL("otel"),
    FETCH_WARN("fetch.warn"),
    LOG_LEVEL("log.level");

    private static final String PROPERTY_PREFIX = "credwatch.";
    private static final String ENVIRONMENT_PREFIX = "CREDWATCH_";

    private final String key;

    ConfigKey(String key) {
        this.key = key;
    }

    /** The name in agent arguments, e.g. {@code expiry.warn}. */
    public String key() {
        return key;
    }

    /** e.g. {@code credwatch.expiry.warn}. */
    public String systemProperty() {
        return PROPERTY_PREFIX + key;
    }

    /** e.g. {@code CREDWATCH_EXPIRY_WARN}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The key with this agent-argument name (case-insensitive), or null. */
    public static ConfigKey byKey(String name) {
        for (ConfigKey candidate : values()) {
            if (candidate.key.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** "expiry.warn, skew.warn, ..." for problem lines. */
    static String knownKeys() {
        StringBuilder names = new StringBuilder();
        for (ConfigKey candidate : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(candidate.key);
        }
        return names.toString();
    }
}
