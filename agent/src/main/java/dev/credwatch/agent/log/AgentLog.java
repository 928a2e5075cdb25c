package dev.credwatch.agent.log;

/**
 * The agent's own log, reachable from anywhere in the agent (bootstrap, instrumentation guards). Until
 * {@link #configure} runs it writes text to stderr, so that even a failing start can be explained.
 */
public final class AgentLog {
    private static volatile AgentLogger logger = AgentLogger.open(null, LogFormat.TEXT, LogThreshold.INFO);

    private AgentLog() {
    }

    /** Called once at start; config problems are best logged right after it, to the chosen destination. */
    public static void configure(String logFile, LogFormat format, LogThreshold threshold) {
        logger = AgentLogger.open(logFile, format, threshold);
    }

    public static AgentLogger logger() {
        return logger;
    }

    /** {@code message} is free text; {@code keyValues} alternate keys and values: "path", p, "reason", r. */
    public static void info(String message, Object... keyValues) {
        logger.info(message, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        logger.warn(message, keyValues);
    }

    public static void error(String message, Object... keyValues) {
        logger.error(message, keyValues);
    }
}
