package dev.credwatch.agent.log;


import java.io.IOException;

/**
 * Writes the agent's lines in the configured format to a log file or stderr. When the file cannot be
 * opened or written, it says so once on stderr and carries on there: the agent never stops talking and
 * never throws into the host.
 */
public final class AgentLogger {
    private final LogFormat format;
    private final LogThreshold threshold;
    private final LogWriter stderr;
    private volatile LogWriter writer;

    public AgentLogger(LogWriter writer, LogFormat format, LogWriter stderr) {
        this(writer, format, LogThreshold.INFO, stderr);
    }

    public AgentLogger(LogWriter writer, LogFormat format, LogThreshold threshold, LogWriter stderr) {
        this.writer = writer;
        this.format = format;
        this.threshold = threshold;
        this.stderr = stderr;
    }

    public static AgentLogger open(String logFile, LogFormat format, LogThreshold threshold) {
        return open(logFile, format, threshold, LogWriter.stderr());
    }

    static AgentLogger open(String logFile, LogFormat format, LogWriter stderr) {
        return open(logFile, format, LogThreshold.INFO, stderr);
    }

    /** A logger appending to the file, or, when it cannot be opened, one error line and then stderr. */
    static AgentLogger open(String logFile, LogFormat format, LogThreshold threshold, LogWriter stderr) {
        if (logFile == null) {
            return new AgentLogger(stderr, format, threshold, stderr);
        }
        try {
            return new AgentLogger(LogWriter.appendingTo(logFile), format, threshold, stderr);
        } catch (IOException | RuntimeException cannotOpen) { // InvalidPathException is a RuntimeException
            AgentLogger fallback = new AgentLogger(stderr, format, threshold, stderr);
            // Startup checks the file first (LogWriter.problemAppendingTo) and reports it as a bad log.file; this
            // line is for a file that became unusable in between, or for a caller that did not check.
            fallback.log(new LogLine(LogLine.Level.ERROR, "credwatch cannot open its log file and writes to stderr")
                    .field("path", logFile).field("reason", FileFailure.describe(cannotOpen)));
            return fallback;
        }
    }

    public LogFormat format() {
        return format;
    }

    public void info(String message, Object... keyValues) {
        log(line(LogLine.Level.INFO, message, keyValues));
    }

    public void warn(String message, Object... keyValues) {
        log(line(LogLine.Level.WARN, message, keyValues));
    }

    public void error(String message, Object... keyValues) {
        log(line(LogLine.Level.ERROR, message, keyValues));
    }

    public void log(LogLine line) {
        if (!threshold.admits(line.level())) {
            return;
        }
        String text = line.render(format);
        LogWriter current = writer;
        try {
            current.writeLine(text);
        } catch (IOException writeFailed) {
            fallBackToStderr(current, writeFailed);
            writeToStderr(text);
        }
    }

    private synchronized void fallBackToStderr(LogWriter failed, IOException cause) {
        if (writer != failed || failed == stderr) {
            return;
        }
        writer = stderr;
        writeToStderr(new LogLine(LogLine.Level.ERROR, "credwatch can no longer write its log file and writes to "
                + "stderr").field("path", failed.destination()).field("reason", cause.toString()).render(format));
    }

    private void writeToStderr(String text) {
        try {
            stderr.writeLine(text);
        } catch (IOException ignored) {
            // Nowhere left to report to; the host must not suffer for it.
        }
    }

    /** Pairs of key and value; whole numbers stay numbers (JSON), anything else is written as text. */
    private static LogLine line(LogLine.Level level, String message, Object[] keyValues) {
        LogLine line = new LogLine(level, message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            String key = String.valueOf(keyValues[i]);
            Object value = keyValues[i + 1];
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                line.field(key, ((Number) value).longValue());
            } else {
                line.field(key, value == null ? null : String.valueOf(value));
            }
        }
        return line;
    }
}
