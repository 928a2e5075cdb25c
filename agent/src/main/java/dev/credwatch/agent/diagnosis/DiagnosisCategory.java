package dev.credwatch.agent.diagnosis;

/** The diagnosis categories of the contract; {@link #wireName()} is what users filter on. */
public enum DiagnosisCategory {
    EXPIRED_CREDENTIALS("expired_credentials"),
    INVALID_CREDENTIALS("invalid_credentials"),
    SIGNATURE_MISMATCH("signature_mismatch"),
    CLOCK_SKEW("clock_skew"),
    REGION_MISMATCH("region_mismatch"),
    ACCESS_DENIED("access_denied"),
    MISSING_CREDENTIALS("missing_credentials"),
    CREDENTIALS_EXPIRING("credentials_expiring"),
    CREDENTIALS_SHADOWED("credentials_shadowed"),
    CREDENTIALS_REFRESH_FAILED("credentials_refresh_failed"),
    CREDENTIALS_SLOW("credentials_slow");

    private final String wireName;

    DiagnosisCategory(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
