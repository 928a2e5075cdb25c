package dev.credwatch.agent.config;

/** Quotes user-supplied text: one line, quotes and control characters escaped, optionally shortened. */
final class ProblemText {
    /** Enough to recognise a mistyped value without letting a pasted blob flood the log. */
    static final int PROBLEM_MAX_CHARS = 80;

    private ProblemText() {
    }

    static String quote(String value) {
        return quote(value, PROBLEM_MAX_CHARS);
    }

    static String quote(String value, int maxChars) {
        StringBuilder quoted = new StringBuilder("\"");
        int end = Math.min(value.length(), maxChars);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(value.length() > maxChars ? "...\"" : "\"").toString();
    }
}
