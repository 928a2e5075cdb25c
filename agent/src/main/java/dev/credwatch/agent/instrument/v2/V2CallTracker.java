package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.InstrumentationGuard;
import dev.credwatch.agent.observation.CallPipeline;
import dev.credwatch.agent.otelbridge.ForeignOtel;

import java.util.Optional;
import java.util.concurrent.CompletionException;

import static dev.credwatch.agent.instrument.SdkAccessors.call;
import static dev.credwatch.agent.instrument.SdkAccessors.field;

/**
 * The static entry points the v2 advice calls. Every method catches everything: an SDK version read wrongly
 * turns the v2 instrumentation off with one log line, and the application's call goes on untouched.
 */
public final class V2CallTracker {
    private static final InstrumentationGuard GUARD = new InstrumentationGuard("AWS SDK v2");

    private V2CallTracker() {
    }

    /** {@code ExecutionInterceptorChain.beforeExecution}: once per call, sync or async. */
    public static void callStarted(Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            if (keys.state(executionAttributes) == null) {
                V2CallState state = new V2CallState();
                // The application's current span, read on the calling thread: async calls end on another one.
                state.traceParent = ForeignOtel.currentSpan(executionAttributes.getClass());
                keys.attach(executionAttributes, state);
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /**
     * {@code beforeExecution} threw: from 2.21 the auth-scheme interceptor resolves credentials there, so
     * "Unable to load credentials" ends the call before the request pipeline (and its failure report) runs.
     */
    public static void startFailed(Object executionAttributes, Throwable thrown) {
        publishFailure(executionAttributes, null, thrown);
    }

    /** {@code AwsCredentialsAuthorizationStrategy}: the provider about to resolve the call's credentials. */
    public static void credentialsRequested(Object strategy, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return;
        }
        try {
            V2CallState state = V2Attributes.of(executionAttributes).state(executionAttributes);
            if (state != null) {
                Object override = present(call(present(call(field(strategy, "request"), "overrideConfiguration")),
                        "credentialsProvider"));
                state.configuredProvider = override != null ? override : field(strategy, "defaultCredentialsProvider");
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /** {@code RetryableStageHelper.setLastException}: once per failed attempt, retried or not. */
    public static void attemptFailed(Object retryHelper, Throwable exception) {
        // The helper unwraps a CompletionException by calling itself again with the cause: count that call only.
        if (GUARD.isOff() || exception == null
                || exception instanceof CompletionException && exception.getCause() != null) {
            return;
        }
        try {
            Object attributes = call(field(retryHelper, "context"), "executionAttributes");
            V2CallState state = attributes == null ? null : V2Attributes.of(attributes).state(attributes);
            if (state != null) {
                V2ServiceError error = V2ServiceError.of(exception);
                state.recordFailedAttempt(error.asFailedAttempt(System.currentTimeMillis()), error.exceptionClass());
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /**
     * {@code afterExecution}, before any interceptor runs: the response is complete (the interceptors all
     * see this same context). Beside the OpenTelemetry Java agent the call is reported here, because the
     * agent's own interceptor ends its span in {@code afterExecution}; without the agent (or without its
     * span of this call) it is reported after the interceptors, in {@link #callSucceeded}.
     */
    public static void callSucceeding(Object context, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null || !ForeignOtel.decoratesAgentSpans()) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            Object agentSpan = ForeignOtel.agentSpanIn(keys.agentContext(executionAttributes));
            V2CallState state = agentSpan == null ? null : keys.state(executionAttributes);
            if (state != null && state.markPublished()) {
                CallPipeline.publish(V2CallReader.success(state, keys, executionAttributes, context, agentSpan));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /**
     * {@code afterExecution}, after the interceptors returned normally: the call succeeded (after retries,
     * if any). Had an interceptor thrown, the SDK would report a failure instead, which the application sees.
     */
    public static void callSucceeded(Object context, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            V2CallState state = keys.state(executionAttributes);
            if (state != null && state.markPublished()) {
                CallPipeline.publish(V2CallReader.success(state, keys, executionAttributes, context, null));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /** {@code onExecutionFailure}: the exception the application is about to see. */
    public static void callFailed(Object failedContext, Object executionAttributes) {
        if (GUARD.isOff()) {
            return;
        }
        try {
            Object thrown = call(failedContext, "exception");
            if (thrown instanceof Throwable) {
                publishFailure(executionAttributes, failedContext, (Throwable) thrown);
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    private static Object present(Object value) {
        return value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    }

    private static void publishFailure(Object executionAttributes, Object context, Throwable thrown) {
        if (GUARD.isOff() || executionAttributes == null || thrown == null) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            V2CallState state = keys.state(executionAttributes);
            if (state != null && state.markPublished()) {
                // Before the interceptors, so the agent's span (which its onExecutionFailure ends) is open.
                Object agentSpan = ForeignOtel.decoratesAgentSpans()
                        ? ForeignOtel.agentSpanIn(keys.agentContext(executionAttributes)) : null;
                CallPipeline.publish(V2CallReader.failure(state, keys, executionAttributes, context, thrown,
                        agentSpan));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }
}
