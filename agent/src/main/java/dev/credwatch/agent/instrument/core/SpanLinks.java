package dev.credwatch.agent.instrument.core;

import dev.credwatch.agent.observation.TraceParent;
import dev.credwatch.agent.otelbridge.ForeignOtel;

/**
 * Whether calls are linked to the OpenTelemetry spans around them: the application's current span (for
 * credwatch's own span to join) and the OpenTelemetry Java agent's span of the call (to decorate). Set once
 * by {@code SdkInstrumentation.install}; off, the instrumentation never looks at OpenTelemetry at all.
 */
public final class SpanLinks {
    private static volatile boolean on;
    private static volatile boolean exporting;

    private SpanLinks() {
    }

    /**
     * @param linked    the {@code otel} setting is not {@code off}
     * @param exports   credwatch exports spans of its own, which join the application's current span
     */
    public static void set(boolean linked, boolean exports) {
        exporting = exports;
        on = linked;
    }

    /**
     * The span current on the calling thread, for an SDK class of the application; null when none, off, or
     * when nothing would use it: without an export of its own and without the OpenTelemetry Java agent, reading
     * it would cost every call (and the start-up the lookup of the application's API) for nothing.
     */
    public static TraceParent currentSpan(Class<?> sdkType) {
        return on && (exporting || ForeignOtel.agentPresent()) ? ForeignOtel.currentSpan(sdkType) : null;
    }

    /** True when findings go onto the OpenTelemetry Java agent's spans, so its span of a call is worth finding. */
    public static boolean decoratesAgentSpans() {
        return on && ForeignOtel.agentPresent();
    }

    /** The agent's span kept in {@code agentContext}, if valid and recording; null when none or off. */
    public static Object agentSpanIn(Object agentContext) {
        return on ? ForeignOtel.agentSpanIn(agentContext) : null;
    }
}
