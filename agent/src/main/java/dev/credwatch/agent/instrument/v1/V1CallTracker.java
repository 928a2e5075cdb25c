package dev.credwatch.agent.instrument.v1;

import dev.credwatch.agent.instrument.InstrumentationGuard;
import dev.credwatch.agent.observation.CallPipeline;
import dev.credwatch.agent.otelbridge.ForeignOtel;

/** The static entry points the v1 advice calls; everything past the advice's null check starts here. */
public final class V1CallTracker {
    private static final ThreadLocal<V1CallState> CURRENT = new ThreadLocal<V1CallState>();
    private static final InstrumentationGuard GUARD = new InstrumentationGuard("AWS SDK v1");

    private V1CallTracker() {
    }

    public static Object callStarted(Object executor) {
        if (GUARD.isOff()) {
            return null;
        }
        V1CallState state = new V1CallState(CURRENT.get());
        CURRENT.set(state);
        try {
            state.traceParent = ForeignOtel.currentSpan(executor == null ? null : executor.getClass());
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
        return state;
    }

    /** The outcome is known and the request handlers have not seen it yet: report now (see the instrumentation). */
    public static void outcomeKnown(Object request, Object executionContext, Object response, Throwable thrown) {
        V1CallState state = CURRENT.get();
        if (state != null) {
            publishOnce(state, request, executionContext, response, thrown);
        }
    }

    public static void credentialsResolved(Object credentials) {
        V1CallState state = CURRENT.get();
        if (state != null) {
            state.credentials = credentials;
        }
    }

    public static void attemptFailed(Object serviceException) {
        V1CallState state = CURRENT.get();
        if (state != null) {
            state.recordFailedAttempt(serviceException, System.currentTimeMillis());
        }
    }

    public static void callEnded(Object call, Object request, Object executionContext, Object response,
                                 Throwable thrown) {
        if (!(call instanceof V1CallState)) {
            return;
        }
        V1CallState state = (V1CallState) call;
        // Restore the outer call first, so a failure below cannot leave this thread's state behind.
        CURRENT.set(state.outer);
        publishOnce(state, request, executionContext, response, thrown);
    }

    private static void publishOnce(V1CallState state, Object request, Object executionContext, Object response,
                                    Throwable thrown) {
        if (state.published) {
            return;
        }
        state.published = true;
        try {
            CallPipeline.publish(V1CallReader.read(state, request, executionContext, response, thrown));
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }
}
