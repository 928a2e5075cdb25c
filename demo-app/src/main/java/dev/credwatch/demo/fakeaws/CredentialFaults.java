package dev.credwatch.demo.fakeaws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** With {@link #containerStatusLater}: how many more container requests still get credentials. */
    private final AtomicInteger containerSuccessesLeft = new AtomicInteger(-1);
    private volatile int containerStatusLater;
    /** How long credentials responses (IMDS role credentials, container) wait before they are written. */
    volatile Duration credentialsDelay = Duration.ZERO;

    void clear() {
        imdsTokenUnanswered = false;
        imdsTokenStatus = 0;
        imdsNoRole = false;
        imdsThrottled = false;
        containerStatus = 0;
        containerSuccessesLeft.set(-1);
        containerStatusLater = 0;
        credentialsDelay = Duration.ZERO;
    }

    /** The container endpoint serves {@code successes} more requests, then answers {@code status}. */
    void containerFailsAfter(int successes, int status) {
        containerStatusLater = status;
        containerSuccessesLeft.set(successes);
    }

    /** The status the container endpoint answers this request with instead of credentials, or 0. */
    int containerFailureNow() {
        if (containerStatus != 0) {
            return containerStatus;
        }
        int left = containerSuccessesLeft.getAndUpdate(n -> n > 0 ? n - 1 : n);
        return left == 0 ? containerStatusLater : 0;
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
