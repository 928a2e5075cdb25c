package dev.credwatch.agent.credentials;

/** Long-term keys (AKIA…) never expire; temporary ones (ASIA…, with a session token) do. */
public enum CredentialKind {
    LONG_TERM("long_term"),
    TEMPORARY("temporary");

    private static final String SESSION_KEY_PREFIX = "ASIA";

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** ASIA key ids are always STS session keys, whatever the SDK was given alongside. */
    public static boolean isSessionKeyId(String accessKeyId) {
        return accessKeyId != null && accessKeyId.startsWith(SESSION_KEY_PREFIX);
    }

    /** Temporary when the key id is a session key's or the SDK holds the keys as session credentials. */
    public static CredentialKind of(String accessKeyId, boolean sessionCredentials) {
        return sessionCredentials || isSessionKeyId(accessKeyId) ? TEMPORARY : LONG_TERM;
    }
}
