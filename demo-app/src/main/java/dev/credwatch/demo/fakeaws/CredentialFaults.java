package dev.credwatch.demo.fakeaws;

import java.time.Duration;

/**
 * The switches that make the SDKs' own credential providers fail against the instance-metadata
 * and container endpoints. The fields are volatile because a test flips them on its own thread
 * while the provider's request is served on one of the server's.
 */
final class CredentialFaults {
    /** The IMDSv2 token PUT is read but never answered. */
    volatile boolean imdsTokenUnanswered;
    /** Non-zero: the status the IMDSv2 token PUT answers instead of a token. */
    volatile int imdsTokenStatus;
    /** No role is attached to the "instance": the role listing and the role's credentials answer 404. */
    volatile boolean imdsNoRole;
    /** Every IMDS request answers 429, as IMDS does when an instance exceeds its request rate. */
    volatile boolean imdsThrottled;
    /** Non-zero: the status the container endpoint answers instead of credentials. */
    volatile int containerStatus;
    /** How long credentials responses (IMDS role credentials, container) wait before they are written. */
    volatile Duration credentialsDelay = Duration.ZERO;

    void clear() {
        imdsTokenUnanswered = false;
        imdsTokenStatus = 0;
        imdsNoRole = false;
        imdsThrottled = false;
        containerStatus = 0;
        credentialsDelay = Duration.ZERO;
    }

    /**
     * Waits out {@link #credentialsDelay} on the connection's own thread, so that only this response
     * is late. An interrupt (the server closing) ends the wait early.
     */
    void delayCredentials() {
        Duration delay = credentialsDelay;
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
    }
}
