package dev.credwatch.agent.credentials;

/** Long-term keys (AKIA…) never expire; temporary ones (ASIA…, with a session token) do. */
public enum CredentialKind {
    LONG_TERM("long_term"),
    TEMPORARY("temporary");

    private final String wireName;

    CredentialKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
