package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.instrument.dispatch.V2CallHooks;
import dev.credwatch.agent.instrument.core.CallRecording;
import dev.credwatch.agent.instrument.core.CurrentCall;
import dev.credwatch.agent.instrument.core.InstrumentationGuard;
import dev.credwatch.agent.instrument.core.SpanLinks;
import dev.credwatch.agent.observation.ObservationPipeline;

import java.util.concurrent.CompletionException;

import static dev.credwatch.agent.instrument.core.SdkAccessors.call;
import static dev.credwatch.agent.instrument.core.SdkAccessors.field;
import static dev.credwatch.agent.instrument.core.SdkValues.present;

/**
 * What the v2 advice calls, through {@link V2CallHooks}. Every method catches everything: an SDK version read wrongly
 * turns the v2 instrumentation off with one log line, and the application's call goes on untouched.
 */
public final class V2CallTracker implements V2CallHooks {
    private static final InstrumentationGuard GUARD = new InstrumentationGuard("AWS SDK v2");

    public V2CallTracker() {
    }

    /**
     * {@code ExecutionInterceptorChain.beforeExecution}: once per call, sync or async. From 2.21 the call resolves
     * its credentials in there, on the calling thread: the call is current until {@link #startEnded}, so that a
     * credential fetch then is one it waits for. Returns the token for {@link #startEnded}.
     */
    @Override
    public Object callStarted(Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return null;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            CallRecording recording = keys.recording(executionAttributes);
            if (recording == null) {
                // The application's current span, read on the calling thread: async calls end on another one.
                recording = new CallRecording(null, SpanLinks.currentSpan(executionAttributes.getClass()));
                keys.attach(executionAttributes, recording);
            }
            return CurrentCall.enterFor(recording);
        } catch (Throwable t) {
            GUARD.turnOff(t);
            return null;
        }
    }

    /** {@code beforeExecution} returned or threw. */
    @Override
    public void startEnded(Object token, Object executionAttributes, Throwable thrown) {
        CurrentCall.leave(token);
        if (thrown != null) {
            startFailed(executionAttributes, thrown);
        }
    }

    /**
     * {@code beforeExecution} threw: from 2.21 the auth-scheme interceptor resolves credentials there, so
     * "Unable to load credentials" ends the call before the request pipeline (and its failure report) runs.
     */
    private void startFailed(Object executionAttributes, Throwable thrown) {
        publishFailure(executionAttributes, null, thrown);
    }

    /**
     * {@code AwsCredentialsAuthorizationStrategy}: the provider about to resolve the call's credentials, which the
     * call waits for; returns the token for {@link #startEnded}.
     */
    @Override
    public Object credentialsRequested(Object strategy, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return null;
        }
        try {
            CallRecording recording = V2Attributes.of(executionAttributes).recording(executionAttributes);
            if (recording != null) {
                Object override = present(call(present(call(field(strategy, "request"), "overrideConfiguration")),
                        "credentialsProvider"));
                recording.credentialsSeen(override != null ? override : field(strategy, "defaultCredentialsProvider"));
            }
            return CurrentCall.enterFor(recording);
        } catch (Throwable t) {
            GUARD.turnOff(t);
            return null;
        }
    }

    /** {@code RetryableStageHelper.setLastException}: once per failed attempt, retried or not. */
    @Override
    public void attemptFailed(Object retryHelper, Throwable exception) {
        // The helper unwraps a CompletionException by calling itself again with the cause: count that call only.
        if (GUARD.isOff() || exception == null
                || exception instanceof CompletionException && exception.getCause() != null) {
            return;
        }
        try {
            Object attributes = call(field(retryHelper, "context"), "executionAttributes");
            CallRecording recording = attributes == null ? null : V2Attributes.of(attributes).recording(attributes);
            if (recording != null) {
                recording.recordFailedAttempt(exception, V2ServiceError.read(exception), System.currentTimeMillis());
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /**
     * {@code afterExecution}, before any interceptor runs: the response is complete (the interceptors all
     * see this same context). Beside the OpenTelemetry Java agent the call is reported here, because the
     * agent's own interceptor ends its span in {@code afterExecution}; without the agent (or without its
     * span of this call) it is reported after the interceptors, in {@link #successAfterInterceptors}.
     */
    @Override
    public void successBeforeInterceptors(Object context, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null || !SpanLinks.decoratesAgentSpans()) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            Object agentSpan = SpanLinks.agentSpanIn(keys.agentContext(executionAttributes));
            CallRecording recording = agentSpan == null ? null : keys.recording(executionAttributes);
            if (recording != null && recording.markPublished()) {
                ObservationPipeline.publish(V2CallReader.success(recording, keys, executionAttributes, context,
                        agentSpan));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /**
     * {@code afterExecution}, after the interceptors returned normally: the call succeeded (after retries,
     * if any). Had an interceptor thrown, the SDK would report a failure instead, which the application sees.
     */
    @Override
    public void successAfterInterceptors(Object context, Object executionAttributes) {
        if (GUARD.isOff() || executionAttributes == null) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            CallRecording recording = keys.recording(executionAttributes);
            if (recording != null && recording.markPublished()) {
                ObservationPipeline.publish(V2CallReader.success(recording, keys, executionAttributes, context, null));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }

    /** {@code onExecutionFailure}: the exception the application is about to see. */
    @Override
    public void failureBeforeInterceptors(Object failedContext, Object executionAttributes) {
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

    private static void publishFailure(Object executionAttributes, Object context, Throwable thrown) {
        if (GUARD.isOff() || executionAttributes == null || thrown == null) {
            return;
        }
        try {
            V2Attributes keys = V2Attributes.of(executionAttributes);
            CallRecording recording = keys.recording(executionAttributes);
            if (recording != null && recording.markPublished()) {
                // Before the interceptors, so the agent's span (which its onExecutionFailure ends) is open.
                Object agentSpan = SpanLinks.decoratesAgentSpans()
                        ? SpanLinks.agentSpanIn(keys.agentContext(executionAttributes)) : null;
                ObservationPipeline.publish(V2CallReader.failure(recording, keys, executionAttributes, context, thrown,
                        agentSpan));
            }
        } catch (Throwable t) {
            GUARD.turnOff(t);
        }
    }
}
