package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.TraceParent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one v2 call collects between {@code beforeExecution} and its end, kept in the call's
 * {@code ExecutionAttributes}. An async call's attempts run one after another but on different threads,
 * hence the synchronization; contention is nil.
 */
final class V2CallState {
    /** Failed attempts kept per call; more only happens with unusual retry policies. */
    static final int MAX_FAILED_ATTEMPTS = 8;

    final long startNanos = System.nanoTime();
    final long startEpochMillis = System.currentTimeMillis();
    /** Set where the SDK puts no provider in the attributes (2.20, pre-2.21 signers); read at the end. */
    volatile Object configuredProvider;
    /** The OpenTelemetry span current when the call began, for the span reporter; null when none. */
    TraceParent traceParent;
    /** Allocated at the first failed attempt: a healthy call pays nothing for them. */
    private FailedAttempt[] failedAttempts;
    private String[] failedAttemptClasses;
    private int failedAttemptCount;
    private boolean published;

    synchronized void recordFailedAttempt(FailedAttempt attempt, String exceptionClass) {
        if (failedAttempts == null) {
            failedAttempts = new FailedAttempt[MAX_FAILED_ATTEMPTS];
            failedAttemptClasses = new String[MAX_FAILED_ATTEMPTS];
        }
        if (failedAttemptCount < MAX_FAILED_ATTEMPTS) {
            failedAttempts[failedAttemptCount] = attempt;
            failedAttemptClasses[failedAttemptCount] = exceptionClass;
            failedAttemptCount++;
        }
    }

    /** True the first time only: a call is published once, even if the SDK reports its end twice. */
    synchronized boolean markPublished() {
        if (published) {
            return false;
        }
        published = true;
        return true;
    }

    /**
     * The attempts that failed before the last one. A failed call's last recorded attempt is its own
     * outcome (the SDK rebuilds that exception with the attempt count, so it is matched by code, status
     * and type rather than identity) and is left out.
     */
    synchronized List<FailedAttempt> failedAttemptsBefore(String thrownClass, String thrownCode, int thrownStatus) {
        int count = failedAttemptCount;
        if (count > 0 && thrownClass != null) {
            FailedAttempt last = failedAttempts[count - 1];
            boolean sameAnswer = last.httpStatus() == thrownStatus
                    && (last.errorCode() == null ? thrownCode == null : last.errorCode().equals(thrownCode));
            // A client-side failure (an I/O error) reaches the application wrapped in SdkClientException.
            if (sameAnswer && (thrownCode == null || thrownClass.equals(failedAttemptClasses[count - 1]))) {
                count--;
            }
        }
        if (count == 0) {
            return Collections.emptyList();
        }
        List<FailedAttempt> attempts = new ArrayList<FailedAttempt>(count);
        for (int i = 0; i < count; i++) {
            attempts.add(failedAttempts[i]);
        }
        return attempts;
    }

    /** Users' interceptors may print the execution attributes: say whose entry this is, nothing more. */
    @Override
    public String toString() {
        return "credwatch call state";
    }
}
