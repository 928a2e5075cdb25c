package dev.credwatch.agent.observation;

/**
 * One attempt of a call that failed, even when a retry later succeeded: the SDK corrects clock skew
 * by retrying, so only this attempt shows that the local clock is off.
 */
public final class FailedAttempt {
    private final String errorCode;
    private final int httpStatus;
    private final Long clockSkewSeconds;

    public FailedAttempt(String errorCode, int httpStatus, Long clockSkewSeconds) {
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.clockSkewSeconds = clockSkewSeconds;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** AWS's clock minus the local clock, seconds; null when the response had no usable Date. */
    public Long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    @Override
    public String toString() {
        return "FailedAttempt{" + errorCode + ", " + httpStatus + ", skew=" + clockSkewSeconds + '}';
    }
}
