package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

/**
 * The facts one diagnosis rests on, worked out once when it is made, so that every reporter shows the
 * same ones: the AWS error code (a retried attempt's, when that attempt showed the problem), the HTTP status
 * that came with that code, the clock skew the finding quotes, and a credential provider's reason code.
 */
public final class Evidence {
    /** For a diagnosis made without an observation to rest on. */
    public static final Evidence NONE = new Evidence(null, null, null, null, null);

    private final String errorCode;
    private final Long httpStatus;
    private final Long clockSkewSeconds;
    private final String reason;
    private final Long fetchMillis;

    public Evidence(String errorCode, Long httpStatus, Long clockSkewSeconds, String reason, Long fetchMillis) {
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.clockSkewSeconds = clockSkewSeconds;
        this.reason = reason;
        this.fetchMillis = fetchMillis;
    }

    /** The evidence of a finding about a credential fetch no call waited for: only what the fetch says. */
    public static Evidence ofFetch(Diagnosis finding) {
        return new Evidence(null, null, null, finding.reason(), finding.fetchMillis());
    }

    /**
     * The evidence in {@code call} for {@code finding}: its own code and skew where it has them (an attempt
     * a retry hid), else the call's. A finding resting on a hidden attempt shows that attempt's status, not
     * the final 200.
     */
    public static Evidence of(CallObservation call, Diagnosis finding) {
        String findingCode = finding.code();
        int status = call.httpStatus();
        if (findingCode != null && !findingCode.equals(call.errorCode())) {
            for (FailedAttempt attempt : call.failedAttempts()) {
                if (findingCode.equals(attempt.errorCode())) {
                    status = attempt.httpStatus();
                }
            }
        }
        return new Evidence(findingCode != null ? findingCode : call.errorCode(),
                status == 0 ? null : Long.valueOf(status),
                finding.skewSeconds() != null ? finding.skewSeconds() : call.clockSkewSeconds(), finding.reason(),
                finding.fetchMillis());
    }

    /** The AWS error code the diagnosis rests on, or null (a client-side failure, a healthy call). */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status that came with {@link #errorCode()}, or null when no response arrived. */
    public Long httpStatus() {
        return httpStatus;
    }

    /** AWS's clock minus the local clock in whole seconds, or null when unknown. */
    public Long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    /** Why a credential provider failed, as reason codes (comma-separated for a chain), or null. */
    public String reason() {
        return reason;
    }

    /** How long the credential fetch the finding rests on took, in milliseconds, or null. */
    public Long fetchMillis() {
        return fetchMillis;
    }
}
