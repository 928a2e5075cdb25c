package dev.credwatch.agent.log;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the agent's output: a level, an optional free-text message and ordered {@code key=value}
 * fields. In text it reads {@code [credwatch] WARN message key=value ...}. In JSON it is one object,
 * {@code {"level":"WARN","logger":"credwatch","message":...,"key":value,...}}, with no prefix: pure JSON
 * lines are what log shippers parse, and {@code logger} still tells credwatch's lines from the host's.
 */
public final class LogLine {
    /** The levels the agent writes; diagnoses are WARN. */
    public enum Level {
        INFO, WARN, ERROR
    }

    private static final String TEXT_PREFIX = "[credwatch] ";

    private final Level level;
    private final String message;
    private final List<String> keys = new ArrayList<String>();
    private final List<Object> values = new ArrayList<Object>();

    public LogLine(Level level, String message) {
        this.level = level;
        this.message = message;
    }

    /** Adds a text field; a null value leaves the key out. */
    public LogLine field(String key, String value) {
        return add(key, value);
    }

    /** Adds a numeric field, written as a JSON number; a null value leaves the key out. */
    public LogLine field(String key, Long value) {
        return add(key, value);
    }

    public Level level() {
        return level;
    }

    /** The fields in order, each a {@code String} or a {@code Long}: what a structured sink needs besides the text. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keys.size(); i++) {
            fields.put(keys.get(i), values.get(i));
        }
        return fields;
    }

    public String render(LogFormat format) {
        return format == LogFormat.JSON ? renderJson() : renderText();
    }

    private LogLine add(String key, Object value) {
        if (value != null) {
            keys.add(key);
            values.add(value);
        }
        return this;
    }

    private String renderText() {
        StringBuilder line = new StringBuilder(128).append(TEXT_PREFIX).append(level.name());
        if (message != null) {
            line.append(' ').append(LineEncoding.freeText(message));
        }
        for (int i = 0; i < keys.size(); i++) {
            line.append(' ').append(keys.get(i)).append('=');
            LineEncoding.appendLogfmtValue(line, String.valueOf(values.get(i)));
        }
        return line.toString();
    }

    private String renderJson() {
        StringBuilder line = new StringBuilder(160).append("{\"level\":\"").append(level.name())
                .append("\",\"logger\":\"credwatch\"");
        if (message != null) {
            line.append(",\"message\":");
            LineEncoding.appendJsonString(line, message);
        }
        for (int i = 0; i < keys.size(); i++) {
            line.append(',');
            LineEncoding.appendJsonString(line, keys.get(i));
            line.append(':');
            Object value = values.get(i);
            if (value instanceof Long) {
                line.append(value);
            } else {
                LineEncoding.appendJsonString(line, (String) value);
            }
        }
        return line.append('}').toString();
    }
}
