package dev.credwatch.it.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/** One credwatch text line parsed back into its logfmt pairs, in order. */
public final class LogLine {
    private LogLine() {
    }

    /** Parses {@code [credwatch] WARN key=value key="quoted value" …}. */
    public static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = line.indexOf(' ', line.indexOf(']') + 2) + 1;
        while (i > 0 && i < line.length()) {
            int equals = line.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = line.substring(i, equals).trim();
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            if (j < line.length() && line.charAt(j) == '"') {
                j++;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        j++;
                    }
                    value.append(line.charAt(j++));
                }
                j++;
            } else {
                while (j < line.length() && line.charAt(j) != ' ') {
                    value.append(line.charAt(j++));
                }
            }
            fields.put(key, value.toString());
            i = j + 1;
        }
        return fields;
    }
}
