package dev.credwatch.agent.credentials;

/** How an access key id is shown: {@code ASIA****WXYZ}, or not at all. */
public enum AccessKeyMask {
    PARTIAL,
    FULL;

    private static final int VISIBLE = 4;
    private static final String HIDDEN = "****";

    /** Returns the masked key id, or null for a null key id. */
    public String apply(String accessKeyId) {
        if (accessKeyId == null) {
            return null;
        }
        // Short or odd ids could be reconstructed from their ends: hide them entirely.
        if (this == FULL || accessKeyId.length() < 2 * VISIBLE + 4) {
            return HIDDEN;
        }
        return accessKeyId.substring(0, VISIBLE) + HIDDEN + accessKeyId.substring(accessKeyId.length() - VISIBLE);
    }
}
