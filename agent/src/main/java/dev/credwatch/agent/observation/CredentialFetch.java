package dev.credwatch.agent.observation;

import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialSource;

/**
 * One time an SDK credentials provider fetched or refreshed keys (instance metadata, the container endpoint,
 * STS, SSO, a process), as the instrumentation saw it. A fetch an AWS call waited for travels with that call
 * ({@link CallObservation#credentialFetches()}); one that ran in the background is published on its own.
 * Holds a sanitised one-line detail of a failure, never a secret, a token or a process's output.
 */
public final class CredentialFetch implements Observation {
    /** How a fetch ended. */
    public enum Outcome {
        /** New keys arrived. */
        OK,
        /** The fetch failed and the provider had nothing left to hand out: the caller got an exception. */
        FAILED,
        /** The fetch failed, and the provider goes on handing out the keys it fetched before. */
        FAILED_SERVING_OLD_KEYS
    }

    private final String sdk;
    private final String provider;
    private final CredentialSource source;
    private final long startEpochMillis;
    private final long durationMillis;
    private final Outcome outcome;
    private final String reason;
    private final String slowStep;
    private final String detail;
    private final CredentialInfo credentials;

    public CredentialFetch(String sdk, String provider, CredentialSource source, long startEpochMillis,
                           long durationMillis, Outcome outcome, String reason, String slowStep, String detail,
                           CredentialInfo credentials) {
        this.sdk = sdk;
        this.provider = provider;
        this.source = source;
        this.startEpochMillis = startEpochMillis;
        this.durationMillis = durationMillis;
        this.outcome = outcome;
        this.reason = reason;
        this.slowStep = slowStep;
        this.detail = detail;
        this.credentials = credentials;
    }

    @Override
    public String sdk() {
        return sdk;
    }

    /** A fetch belongs to no service call of its own. */
    @Override
    public String service() {
        return null;
    }

    @Override
    public String operation() {
        return null;
    }

    @Override
    public String region() {
        return null;
    }

    @Override
    public String requestId() {
        return null;
    }

    /** The keys fetched (OK), the keys still handed out (FAILED_SERVING_OLD_KEYS), or the provider alone. */
    @Override
    public CredentialInfo credentials() {
        return credentials;
    }

    /** Simple class name of the provider, e.g. {@code InstanceProfileCredentialsProvider}. */
    public String provider() {
        return provider;
    }

    public CredentialSource source() {
        return source;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** The whole fetch, the SDK's own retries and fallbacks included. */
    public long durationMillis() {
        return durationMillis;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean failed() {
        return outcome != Outcome.OK;
    }

    /** The failure's reason code (DESIGN.md "Log line"), or null for a fetch that worked. */
    public String reason() {
        return reason;
    }

    /**
     * The reason code of a step that failed before a fallback worked (IMDSv2's token request, then IMDSv1),
     * which is usually why a successful fetch was slow; null when no step failed.
     */
    public String slowStep() {
        return slowStep;
    }

    /** The failure in one sanitised line (exception type, HTTP status), for the hint; null for a success. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "CredentialFetch{" + sdk + ' ' + provider + ", " + outcome + ", " + durationMillis + " ms, reason="
                + reason + ", slowStep=" + slowStep + ", credentials=" + credentials + '}';
    }
}
