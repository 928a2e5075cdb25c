package dev.credwatch.agent.credentials;

/** Where the keys came from, normalized across SDK generations; {@link #wireName()} is the contract value. */
public enum CredentialSource {
    ENVIRONMENT("environment"),
    SYSTEM_PROPERTIES("system_properties"),
    WEB_IDENTITY("web_identity"),
    PROFILE("profile"),
    SSO("sso"),
    PROCESS("process"),
    CONTAINER("container"),
    INSTANCE_PROFILE("instance_profile"),
    STS_ASSUME_ROLE("sts_assume_role"),
    STS_SESSION("sts_session"),
    STATIC("static"),
    ANONYMOUS("anonymous"),
    UNKNOWN("unknown");

    private final String wireName;

    CredentialSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Sources an operator configures in code or files, which win the default chain before any role. */
    public boolean canShadowRole() {
        return this == ENVIRONMENT || this == SYSTEM_PROPERTIES || this == PROFILE || this == STATIC;
    }
}
