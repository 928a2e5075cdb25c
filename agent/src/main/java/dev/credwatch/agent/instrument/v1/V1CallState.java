package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.observation.TraceParent;

/**
 * What one v1 call collects between its start and its end. A v1 call runs on one thread from
 * {@code doExecute} to its return, so the tracker keeps the current state in a thread local; calls
 * nest (a refreshing provider calls STS while the outer call resolves credentials), hence {@link #outer}.
 */
final class V1CallState {
    /** Failed attempts kept per call; more only happens with unusual retry policies. */
    static final int MAX_FAILED_ATTEMPTS = 8;

    final V1CallState outer;
    final long startNanos = System.nanoTime();
    final long startEpochMillis = System.currentTimeMillis();
    Object credentials;
    /** The application's current span when the call started, for credwatch's own span to join. */
    TraceParent traceParent;
    /** Set once the call was reported, so that its end does not report it again. */
    boolean published;
    private Object[] failedAttempts;
    private long[] failedAttemptMillis;
    private int failedAttemptCount;

    V1CallState(V1CallState outer) {
        this.outer = outer;
    }

    void recordFailedAttempt(Object serviceException, long receivedEpochMillis) {
        if (serviceException == null || failedAttemptCount == MAX_FAILED_ATTEMPTS) {
            return;
        }
        if (failedAttempts == null) {
            failedAttempts = new Object[MAX_FAILED_ATTEMPTS];
            failedAttemptMillis = new long[MAX_FAILED_ATTEMPTS];
        }
        failedAttempts[failedAttemptCount] = serviceException;
        failedAttemptMillis[failedAttemptCount] = receivedEpochMillis;
        failedAttemptCount++;
    }

    int failedAttemptCount() {
        return failedAttemptCount;
    }

    Object failedAttempt(int index) {
        return failedAttempts[index];
    }

    long failedAttemptMillis(int index) {
        return failedAttemptMillis[index];
    }
}
