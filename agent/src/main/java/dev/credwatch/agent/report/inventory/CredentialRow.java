package dev.credwatch.agent.report.inventory;

import java.beans.ConstructorProperties;
import java.util.Map;

/**
 * One credential the application used, as the {@code dev.credwatch:type=Credentials} MXBean shows it: its
 * getters become a JMX {@code CompositeData}, so jconsole and JMX exporters read it with no credwatch class.
 * Times are ISO-8601 text ({@code ""} when unknown). {@code ttlSeconds} is negative once the credentials
 * expired, as {@code ttl_s} in the log, and -1 when the expiry is unknown ({@code expiresAt} is then {@code ""}).
 */
public final class CredentialRow {
    private final String accessKeyId;
    private final String source;
    private final String provider;
    private final String kind;
    private final String expiresAt;
    private final long ttlSeconds;
    private final String lastUsed;
    private final long calls;
    private final Map<String, Long> securityErrors;
    private final String lastDiagnosis;
    private final String lastFetch;
    private final String lastFetchOutcome;

    @ConstructorProperties({"accessKeyId", "source", "provider", "kind", "expiresAt", "ttlSeconds", "lastUsed",
        "calls", "securityErrors", "lastDiagnosis", "lastFetch", "lastFetchOutcome"})
    public CredentialRow(String accessKeyId, String source, String provider, String kind, String expiresAt,
                         long ttlSeconds, String lastUsed, long calls, Map<String, Long> securityErrors,
                         String lastDiagnosis, String lastFetch, String lastFetchOutcome) {
        this.accessKeyId = accessKeyId;
        this.source = source;
        this.provider = provider;
        this.kind = kind;
        this.expiresAt = expiresAt;
        this.ttlSeconds = ttlSeconds;
        this.lastUsed = lastUsed;
        this.calls = calls;
        this.securityErrors = securityErrors;
        this.lastDiagnosis = lastDiagnosis;
        this.lastFetch = lastFetch;
        this.lastFetchOutcome = lastFetchOutcome;
    }

    /** Masked as in the log ({@code mask}). */
    public String getAccessKeyId() {
        return accessKeyId;
    }

    public String getSource() {
        return source;
    }

    public String getProvider() {
        return provider;
    }

    public String getKind() {
        return kind;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public long getTtlSeconds() {
        return ttlSeconds;
    }

    public String getLastUsed() {
        return lastUsed;
    }

    public long getCalls() {
        return calls;
    }

    /** Security errors by diagnosis ({@code expired_credentials=3}). */
    public Map<String, Long> getSecurityErrors() {
        return securityErrors;
    }

    public String getLastDiagnosis() {
        return lastDiagnosis;
    }

    public String getLastFetch() {
        return lastFetch;
    }

    /** {@code ok}, {@code failed}, {@code kept_old_keys}, or {@code ""} when the provider fetched nothing. */
    public String getLastFetchOutcome() {
        return lastFetchOutcome;
    }
}
