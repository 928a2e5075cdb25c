package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.dispatch.V1CallHooks;
import dev.credwatch.agent.instrument.core.CallRecording;
import dev.credwatch.agent.instrument.core.CurrentCall;
import dev.credwatch.agent.instrument.core.InstrumentationGuard;
import dev.credwatch.agent.instrument.core.SpanLinks;
import dev.credwatch.agent.observation.ObservationPipeline;
import dev.credwatch.agent.observation.TraceParent;

/**
 * What the v1 advice calls, through {@link V1CallHooks}; everything past the advice's null check starts here.
 * A v1 call runs on one thread from {@code doExecute} to its return, so the current call's recording is the thread's
 * {@link CurrentCall}; calls nest (a refreshing provider calls STS while the outer call resolves credentials).
 */
public final class V1CallTracker implements V1CallHooks {
    private static final InstrumentationGuard GUARD = new InstrumentationGuard("AWS SDK v1");

    public V1CallTracker() {
    }

    /** {@code doExecute} entered. */
    @Override
    public Object callStarted(Object executor) {
        if (GUARD.isOff()) {
            return null;
        }
        TraceParent parent = null;
        try {
            parent = SpanLinks.currentSpan(executor == null ? null : executor.getClass());
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
        CallRecording recording = new CallRecording(CurrentCall.get(), parent);
        CurrentCall.enter(recording);
        return recording;
    }

    /** {@code afterResponse}/{@code afterError} entered: the outcome is known, the request handlers have not seen it. */
    @Override
    public void outcomeBeforeHandlers(Object request, Object executionContext, Object response,
                                             Throwable thrown) {
        CallRecording recording = CurrentCall.get();
        if (recording != null) {
            publishOnce(recording, request, executionContext, response, thrown);
        }
    }

    /** {@code getCredentialsFromContext} returned: the credentials the signer is about to use. */
    @Override
    public void credentialsResolved(Object credentials) {
        CallRecording recording = CurrentCall.get();
        if (recording != null) {
            recording.credentialsSeen(credentials);
        }
    }

    /** {@code handleErrorResponse} returned the exception of a failed attempt, retried or not. */
    @Override
    public void attemptFailed(Object serviceException) {
        CallRecording recording = CurrentCall.get();
        if (recording == null || !(serviceException instanceof Throwable)) {
            return;
        }
        try {
            recording.recordFailedAttempt(serviceException, V1ServiceError.read((Throwable) serviceException),
                    System.currentTimeMillis());
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /** {@code doExecute} returned or threw. */
    @Override
    public void callEnded(Object call, Object request, Object executionContext, Object response,
                                 Throwable thrown) {
        if (!(call instanceof CallRecording)) {
            return;
        }
        CallRecording recording = (CallRecording) call;
        // Restore the outer call first, so a failure below cannot leave this thread's state behind.
        CurrentCall.restore(recording.enclosing());
        publishOnce(recording, request, executionContext, response, thrown);
    }

    private static void publishOnce(CallRecording recording, Object request, Object executionContext,
                                    Object response, Throwable thrown) {
        if (!recording.markPublished()) {
            return;
        }
        try {
            ObservationPipeline.publish(V1CallReader.read(recording, request, executionContext, response, thrown));
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }
}
