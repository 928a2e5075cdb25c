package dev.credwatch.agent.log;

/** Escaping for logfmt values, JSON strings and free text, so that every event stays on one line. */
public final class LineEncoding {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LineEncoding() {
    }

    /** Bare when safe; double-quoted with escapes when the value has spaces, quotes, '=' or controls. */
    static void appendLogfmtValue(StringBuilder line, String value) {
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            appendEscaped(line, value.charAt(i));
        }
        line.append('"');
    }

    /** A JSON string, quoted, with JSON's escapes: for credwatch's log lines and for what {@code status --json} prints. */
    public static void appendJsonString(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            appendEscaped(line, value.charAt(i));
        }
        line.append('"');
    }

    /** A message outside key=value pairs: control characters become spaces. */
    static String freeText(String message) {
        StringBuilder text = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            text.append(isControl(c) ? ' ' : c);
        }
        return text.toString();
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || isControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** The escapes JSON defines; logfmt readers accept the same ones inside quotes. */
    private static void appendEscaped(StringBuilder line, char c) {
        switch (c) {
            case '"':
                line.append("\\\"");
                return;
            case '\\':
                line.append("\\\\");
                return;
            case '\n':
                line.append("\\n");
                return;
            case '\r':
                line.append("\\r");
                return;
            case '\t':
                line.append("\\t");
                return;
            default:
                if (isControl(c)) {
                    line.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                } else {
                    line.append(c);
                }
        }
    }

    /** Characters that would break a line or a terminal, including the Unicode line separators. */
    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
