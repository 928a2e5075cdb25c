package dev.credwatch.agent.bootstrap;

import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/** The inventory as a person reads it at a glance, or as JSON for scripts. */
final class StatusText {
    private static final String[] HEADINGS = {"KEY", "SOURCE", "PROVIDER", "KIND", "EXPIRES (UTC)", "TTL", "CALLS",
        "SECURITY ERRORS", "LAST FETCH", "LAST USED"};

    private StatusText() {
    }

    static String table(List<CompositeData> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADINGS;
        for (int i = 0; i < rows.size(); i++) {
            CompositeData row = rows.get(i);
            long ttl = (Long) row.get("ttlSeconds");
            cells[i + 1] = new String[] {text(row, "accessKeyId"), text(row, "source"), text(row, "provider"),
                text(row, "kind"), text(row, "expiresAt"), ttl < 0 ? "-" : duration(ttl),
                String.valueOf(row.get("calls")), errors(row.get("securityErrors")),
                text(row, "lastFetchOutcome"), text(row, "lastUsed")};
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                out.append(c == line.length - 1 ? line[c] : pad(line[c], widths[c] + 2));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    static String json(List<CompositeData> rows, String[] keys) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "" : ",").append('{');
            for (int k = 0; k < keys.length; k++) {
                Object value = rows.get(i).get(keys[k]);
                out.append(k == 0 ? "" : ",").append(quote(keys[k])).append(':');
                if (value instanceof Long) {
                    out.append(value);
                } else {
                    out.append(quote(keys[k].equals("securityErrors") ? errors(value)
                            : String.valueOf(value)));
                }
            }
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** {@code securityErrors} arrives as JMX's TabularData of key/value rows. */
    private static String errors(Object value) {
        if (!(value instanceof TabularData)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object row : ((TabularData) value).values()) {
            CompositeData entry = (CompositeData) row;
            text.append(text.length() == 0 ? "" : ",").append(entry.get("key")).append('=').append(entry.get("value"));
        }
        return text.toString();
    }

    /** 4m12s, 3h05m, 2d04h: time left at a glance. */
    static String duration(long seconds) {
        if (seconds < 3600) {
            return seconds / 60 + "m" + pad2(seconds % 60) + "s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h" + pad2(seconds / 60 % 60) + "m";
        }
        return seconds / 86400 + "d" + pad2(seconds / 3600 % 24) + "h";
    }

    private static String text(CompositeData row, String key) {
        Object value = row.get(key);
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }

    private static String pad2(long value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
