package dev.credwatch.agent.diagnosis;

import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.FailedAttempt;

/**
 * The facts one diagnosis rests on, worked out once when it is made, so that every reporter shows the
 * same ones: the AWS error code (a retried attempt's, when that attempt showed the problem), the HTTP status
 * that came with that code, and the clock skew measured on the call.
 */
public final class Evidence {
    /** For a diagnosis made without an observation to rest on. */
    public static final Evidence NONE = new Evidence(null, null, null);

    private final String errorCode;
    private final Long httpStatus;
    private final Long clockSkewSeconds;

    public Evidence(String errorCode, Long httpStatus, Long clockSkewSeconds) {
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.clockSkewSeconds = clockSkewSeconds;
    }

    /**
     * The evidence in {@code call} for a finding that rests on {@code findingCode} (null: on the call's own
     * outcome). A finding resting on an attempt a retry hid (a skewed clock) shows that attempt's status,
     * not the final 200.
     */
    public static Evidence of(CallObservation call, String findingCode) {
        int status = call.httpStatus();
        if (findingCode != null && !findingCode.equals(call.errorCode())) {
            for (FailedAttempt attempt : call.failedAttempts()) {
                if (findingCode.equals(attempt.errorCode())) {
                    status = attempt.httpStatus();
                }
            }
        }
        return new Evidence(findingCode != null ? findingCode : call.errorCode(),
                status == 0 ? null : Long.valueOf(status), call.clockSkewSeconds());
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
}
