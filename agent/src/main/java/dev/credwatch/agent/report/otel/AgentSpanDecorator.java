package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.otelbridge.ForeignOtel;

import java.time.Instant;
import java.util.List;

/**
 * Beside the OpenTelemetry Java agent, credwatch makes no span of its own: the agent already traces the
 * AWS call. Its findings go onto the agent's span instead, while that span is still open (both SDK
 * instrumentations report before the handlers or interceptors that end it): the span the instrumentation
 * found for the call (SDK v2, whose async calls end on other threads), else the span current on the
 * application's thread (SDK v1). Only {@code credwatch.*} attributes are added; the agent sets the
 * standard ones itself.
 */
final class AgentSpanDecorator {
    private final AccessKeyMask mask;

    AgentSpanDecorator(AccessKeyMask mask) {
        this.mask = mask;
    }

    /** Returns the agent's span decorated, or null when none of this call was found (not traced, or the agent's
     * AWS SDK instrumentation is off). */
    Object decorate(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        String parentSpanId = call.traceParent() == null ? null : call.traceParent().spanId();
        return ForeignOtel.decorateAgentSpan(call.agentSpan(), parentSpanId,
                CallAttributes.credwatch(call, diagnoses, now, mask), CallAttributes.events(call, diagnoses));
    }
}
