package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.otelbridge.ForeignOtel;

import java.time.Instant;
import java.util.List;

/**
 * Beside the OpenTelemetry Java agent, credwatch makes no span of its own: the agent already traces the
 * AWS call. Its findings go onto the agent's span instead, on the application's thread, while that span
 * is current and still open (the SDK v1 instrumentation reports before the request handlers that end it).
 * Only {@code credwatch.*} attributes are added; the agent sets the standard ones itself.
 */
final class AgentSpanDecorator {
    private final AccessKeyMask mask;

    AgentSpanDecorator(AccessKeyMask mask) {
        this.mask = mask;
    }

    /** Returns false when no agent span of this call was current (not traced, or the agent's AWS SDK
     * instrumentation is off). */
    boolean decorate(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        String parentSpanId = call.traceParent() == null ? null : call.traceParent().spanId();
        return ForeignOtel.decorateAgentSpan(parentSpanId, CallAttributes.credwatch(call, diagnoses, now, mask),
                CallAttributes.WARNING_EVENT, CallAttributes.warningEvents(call, diagnoses));
    }
}
