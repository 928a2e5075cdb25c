package dev.credwatch.it.harness.malformed;

/**
 * The kinds of body the fake answers with. Each lists the statuses it is sent with: the generator takes them in
 * turn, so every kind is seen both as a success and as an error wherever both make sense. {@link Bodies} renders
 * each kind for the target's protocol (JSON or XML); a status of 300 or more gets the error-shaped variant.
 */
public enum BodyKind {
    WELL_FORMED("well-formed", 200),
    AUTH_ERROR("well-formed auth error", 403, 400),
    TRUNCATED("truncated (cut in half, length consistent)", 200, 403, 400),
    INVALID_SYNTAX("syntactically invalid", 200, 400, 500),
    EMPTY("empty body", 200, 400, 403, 500, 503),
    HTML_PAGE("HTML error page of a proxy", 502, 503, 504, 200),
    OTHER_PROTOCOL("the other protocol's document (XML for JSON, JSON for XML)", 200, 403),
    INVALID_UTF8("invalid UTF-8 bytes in the middle", 200, 400, 500),
    ERROR_WITHOUT_CODE("error without a code", 400, 403, 500),
    ERROR_WRONG_SHAPES("error whose code and message are not text", 400, 403),
    DUPLICATED_FIELDS("every field twice, with different values", 403, 200),
    PARSER_EXTENSIONS("DTD entities (XML) or BOM and comments (JSON)", 403, 200),
    HOSTILE_TEXT("auth error with quotes, '=', newlines and fake log lines in its text", 403, 400),
    LARGE_ERROR("auth error with a 256 KiB message", 403, 500);

    private final String description;
    private final int[] statuses;

    BodyKind(String description, int... statuses) {
        this.description = description;
        this.statuses = statuses;
    }

    public String description() {
        return description;
    }

    /** The status for the {@code turn}-th case of this kind. */
    public int status(int turn) {
        return statuses[turn % statuses.length];
    }
}
