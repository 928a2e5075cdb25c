package dev.credwatch.agent.config;

import java.util.Collections;
import java.util.List;

/**
 * A configuration and the problems met while reading it. The problems are returned, not printed, because
 * the log destination is itself part of the configuration.
 */
public final class LoadedConfig {
    private final CredwatchConfig config;
    private final List<String> problems;

    LoadedConfig(CredwatchConfig config, List<String> problems) {
        this.config = config;
        this.problems = Collections.unmodifiableList(problems);
    }

    public CredwatchConfig config() {
        return config;
    }

    /** One self-explaining line per bad or unknown setting; empty when all was well. */
    public List<String> problems() {
        return problems;
    }
}
