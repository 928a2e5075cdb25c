package dev.credwatch.agent.bootstrap;

import dev.credwatch.agent.log.LineEncoding;

import java.util.List;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The inventory as a person reads it at a glance, or as JSON for scripts, with the log's own key names
 * ({@code key}, {@code expires_at}, {@code ttl_s}): one vocabulary for what credwatch writes anywhere.
 */
final class StatusText {
    private static final String[] HEADINGS = {"KEY", "SOURCE", "PROVIDER", "KIND", "EXPIRES (UTC)", "TTL", "CALLS",
        "SECURITY ERRORS", "LAST FETCH", "LAST USED"};
    /** MXBean item → JSON key. */
    private static final String[][] JSON_KEYS = {{"accessKeyId", "key"}, {"source", "source"},
        {"provider", "provider"}, {"kind", "kind"}, {"expiresAt", "expires_at"}, {"ttlSeconds", "ttl_s"},
        {"calls", "calls"}, {"securityErrors", "security_errors"}, {"lastDiagnosis", "last_diagnosis"},
        {"lastFetch", "last_fetch"}, {"lastFetchOutcome", "last_fetch_outcome"}, {"lastUsed", "last_used"}};

    private StatusText() {
    }

    static String table(JvmStatus status) {
        int count = status.rows.size();
        return "credwatch " + status.agentVersion + " in JVM " + status.pid + ": " + count
                + (count == 1 ? " credential" : " credentials") + ", soonest to expire first" + System.lineSeparator()
                + "settings: " + status.settings + System.lineSeparator() + table(status.rows);
    }

    static String table(List<CompositeData> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADINGS;
        for (int i = 0; i < rows.size(); i++) {
            CompositeData row = rows.get(i);
            long ttl = (Long) row.get("ttlSeconds");
            cells[i + 1] = new String[] {text(row, "accessKeyId"), text(row, "source"), text(row, "provider"),
                text(row, "kind"), text(row, "expiresAt"), !expiryKnown(row) ? "-" : ttl < 0 ? "expired" : duration(ttl),
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

    static String json(JvmStatus status) {
        StringBuilder out = new StringBuilder("{\"pid\":").append(quote(status.pid))
                .append(",\"agent_version\":").append(quote(status.agentVersion))
                .append(",\"settings\":").append(quote(status.settings)).append(",\"credentials\":[");
        for (int i = 0; i < status.rows.size(); i++) {
            out.append(i == 0 ? "" : ",").append('{');
            for (int k = 0; k < JSON_KEYS.length; k++) {
                CompositeData row = status.rows.get(i);
                out.append(k == 0 ? "" : ",").append(quote(JSON_KEYS[k][1])).append(':');
                appendJson(out, JSON_KEYS[k][0].equals("ttlSeconds") && !expiryKnown(row) ? null : row.get(JSON_KEYS[k][0]));
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** Unknown ("") is null; security errors an object of counts by diagnosis. */
    private static void appendJson(StringBuilder out, Object value) {
        if (value instanceof TabularData) {
            out.append('{');
            String separator = "";
            for (Object row : ((TabularData) value).values()) {
                CompositeData entry = (CompositeData) row;
                out.append(separator).append(quote(String.valueOf(entry.get("key")))).append(':').append(entry.get("value"));
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Long) {
            out.append(value);
        } else if (value == null || value.toString().isEmpty()) {
            out.append("null");
        } else {
            out.append(quote(value.toString()));
        }
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

    /** The MXBean's ttl is -1 when the expiry is unknown, and negative too once credentials expired. */
    private static boolean expiryKnown(CompositeData row) {
        Object expiresAt = row.get("expiresAt");
        return expiresAt != null && !expiresAt.toString().isEmpty();
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
        StringBuilder quoted = new StringBuilder(text.length() + 2);
        LineEncoding.appendJsonString(quoted, text);
        return quoted.toString();
    }
}
