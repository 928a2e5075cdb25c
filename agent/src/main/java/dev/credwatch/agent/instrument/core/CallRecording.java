package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.FailedAttempt;
import dev.credwatch.agent.observation.TraceParent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one SDK call collects between its start and its end, for either SDK generation: v1 keeps it in a
 * thread local (a v1 call runs on one thread), v2 in the call's {@code ExecutionAttributes} (an async call's
 * attempts run one after another on different threads, hence the synchronization; contention is nil).
 */
public final class CallRecording {
    /** Failed attempts kept per call; more only happens with unusual retry policies. */
    static final int MAX_FAILED_ATTEMPTS = 8;
    /** Credential fetches kept per call: a default chain tries at most about eight providers. */
    static final int MAX_FETCHES = 8;

    /** SDK v1 only: the call this one runs inside (a refreshing provider calls STS while the outer call waits). */
    private final CallRecording enclosing;
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    /** The application's current span when the call started, for credwatch's own span to join; null when none. */
    private final TraceParent traceParent;
    /** The call a credential provider makes to fetch keys (STS, SSO): what it finds is the fetch's to say. */
    private final boolean forCredentialFetch = CredentialFetches.inProgress();
    /**
     * What the SDK's credentials step left for the end of the call: v1 the credentials the signer got, v2 (2.20
     * and pre-2.21 signers) the provider the client was configured with.
     */
    private volatile Object credentialsSeen;
    private boolean published;
    /** Allocated at the first failed attempt: a healthy call pays nothing for them. */
    private FailedAttempt[] failedAttempts;
    private String[] failedAttemptClasses;
    private Object[] failedAttemptExceptions;
    private int failedAttemptCount;
    /** Allocated at the first fetch the call waits for: most calls find their credentials cached. */
    private List<CredentialFetch> fetches;

    public CallRecording(CallRecording enclosing, TraceParent traceParent) {
        this.enclosing = enclosing;
        this.traceParent = traceParent;
    }

    public CallRecording enclosing() {
        return enclosing;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    public TraceParent traceParent() {
        return traceParent;
    }

    public boolean forCredentialFetch() {
        return forCredentialFetch;
    }

    public Object credentialsSeen() {
        return credentialsSeen;
    }

    public void credentialsSeen(Object credentials) {
        this.credentialsSeen = credentials;
    }

    /** True the first time only: a call is published once, even when the SDK reports its end twice. */
    public synchronized boolean markPublished() {
        if (published) {
            return false;
        }
        published = true;
        return true;
    }

    public synchronized void recordFailedAttempt(Object exception, ServiceError error, long receivedEpochMillis) {
        if (failedAttemptCount == MAX_FAILED_ATTEMPTS) {
            return;
        }
        if (failedAttempts == null) {
            failedAttempts = new FailedAttempt[MAX_FAILED_ATTEMPTS];
            failedAttemptClasses = new String[MAX_FAILED_ATTEMPTS];
            failedAttemptExceptions = new Object[MAX_FAILED_ATTEMPTS];
        }
        failedAttempts[failedAttemptCount] = error.asFailedAttempt(receivedEpochMillis);
        failedAttemptClasses[failedAttemptCount] = error.exceptionClass();
        failedAttemptExceptions[failedAttemptCount] = exception;
        failedAttemptCount++;
    }

    /** The exception of the last failed attempt recorded, or null. */
    public synchronized Object lastFailedException() {
        return failedAttemptCount == 0 ? null : failedAttemptExceptions[failedAttemptCount - 1];
    }

    /**
     * True when the last failed attempt gave the same answer as {@code outcome}: the same status and code
     * and, for a service error, the same exception type (SDK v2 rebuilds the final exception, so identity
     * cannot tell; a client-side failure reaches the application wrapped in another type).
     */
    public synchronized boolean lastFailedAttemptAnswered(ServiceError outcome) {
        if (failedAttemptCount == 0) {
            return false;
        }
        FailedAttempt last = failedAttempts[failedAttemptCount - 1];
        String code = outcome.errorCode();
        boolean sameAnswer = last.httpStatus() == outcome.httpStatus()
                && (last.errorCode() == null ? code == null : last.errorCode().equals(code));
        return sameAnswer && (code == null || outcome.exceptionClass().equals(failedAttemptClasses[failedAttemptCount - 1]));
    }

    /** The attempts that failed before the last one; {@code lastIsOutcome} leaves out the call's own failure. */
    public synchronized List<FailedAttempt> failedAttemptsBefore(boolean lastIsOutcome) {
        int count = lastIsOutcome && failedAttemptCount > 0 ? failedAttemptCount - 1 : failedAttemptCount;
        if (count == 0) {
            return Collections.emptyList();
        }
        List<FailedAttempt> attempts = new ArrayList<FailedAttempt>(count);
        for (int i = 0; i < count; i++) {
            attempts.add(failedAttempts[i]);
        }
        return attempts;
    }

    /** A credential fetch this call waited for. */
    public synchronized void addFetch(CredentialFetch fetch) {
        if (fetches == null) {
            fetches = new ArrayList<CredentialFetch>(2);
        }
        if (fetches.size() < MAX_FETCHES) {
            fetches.add(fetch);
        }
    }

    public synchronized List<CredentialFetch> fetches() {
        return fetches == null ? Collections.<CredentialFetch>emptyList() : new ArrayList<CredentialFetch>(fetches);
    }

    /** Users' interceptors may print the execution attributes: say whose entry this is, nothing more. */
    @Override
    public String toString() {
        return "credwatch call state";
    }
}
