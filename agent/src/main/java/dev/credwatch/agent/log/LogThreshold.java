package dev.credwatch.agent.log;

/**
 * The least severe level written ({@code log.level}): {@code warn} drops the start line and the other INFO
 * lines, for hosts whose operators want credwatch silent unless something is wrong. A warning or an error
 * is never dropped.
 */
public enum LogThreshold {
    INFO,
    WARN;

    boolean admits(LogLine.Level level) {
        return this == INFO || level != LogLine.Level.INFO;
    }
}
