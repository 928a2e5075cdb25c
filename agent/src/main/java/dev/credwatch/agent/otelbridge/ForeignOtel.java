package dev.credwatch.agent.otelbridge;

import dev.credwatch.agent.observation.TraceParent;
import dev.credwatch.agent.log.AgentLog;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads and decorates the spans of an OpenTelemetry that runs beside credwatch: the OpenTelemetry Java
 * agent's (its relocated API is on the boot class path, reachable from every loader) or, without that
 * agent, the application's own API (as seen from the AWS SDK's class loader; its context is where
 * {@code GlobalOpenTelemetry} users keep their current span). Nothing is looked up before the first
 * call asks, so the order of the {@code -javaagent} flags does not matter. Whether spans are read at all is
 * the caller's setting (the instrumentation asks only when OpenTelemetry reporting is on): none is kept here.
 */
public final class ForeignOtel {
    // Joined at run time: the shade plugin rewrites every string constant that starts with the relocated
    // package, and these must keep naming the foreign, unshaded classes.
    public static final String APPLICATION_PREFIX = String.join(".", "io", "opentelemetry");
    static final String AGENT_PREFIX = String.join(".", APPLICATION_PREFIX, "javaagent", "shaded", "io", "opentelemetry");

    private static volatile Object agentApi; // ForeignSpanApi, or NONE once known absent
    private static final Object NONE = new Object();
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

    /** The application's API per SDK class: one lookup per class loader that holds the SDK. */
    private static final ClassValue<Object> APPLICATION_API = new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> sdkType) {
            ForeignSpanApi api = ForeignSpanApi.find(APPLICATION_PREFIX, sdkType.getClassLoader(),
                    "the application's OpenTelemetry API");
            return api == null ? NONE : api;
        }
    };

    private ForeignOtel() {
    }

    /** True when the OpenTelemetry Java agent runs in this JVM (looked up once, on first use). */
    public static boolean agentPresent() {
        return agentApi() != null;
    }

    /**
     * The span current on this thread, for an SDK class of the application: the parent credwatch's own span
     * joins, or (beside the OpenTelemetry Java agent) the agent's span of this very call. Null when none.
     */
    public static TraceParent currentSpan(Class<?> sdkType) {
        ForeignSpanApi api = apiFor(sdkType);
        if (api == null) {
            return null;
        }
        try {
            return api.idsOf(api.currentSpan());
        } catch (Throwable t) {
            logFailureOnce(api, t);
            return null;
        }
    }

    /**
     * The OpenTelemetry Java agent's span kept in {@code agentContext} (a context of the agent's relocated API,
     * as its instrumentation stores it), if that span is valid and still recording; else null.
     */
    public static Object agentSpanIn(Object agentContext) {
        ForeignSpanApi api = agentContext != null ? agentApi() : null;
        if (api == null) {
            return null;
        }
        try {
            Object span = api.spanOf(agentContext);
            return api.idsOf(span) != null && api.isRecording(span) ? span : null;
        } catch (ClassCastException notTheAgentsContext) {
            return null;
        } catch (Throwable t) {
            logFailureOnce(api, t);
            return null;
        }
    }

    /**
     * Adds attributes and events to the OpenTelemetry Java agent's span of a call: {@code callSpan} when the
     * instrumentation found it ({@link #agentSpanIn}), else the current span, if it is recording and is not
     * {@code notThisSpanId} (the span that was current before the call began: the agent's AWS span is a new
     * one). Returns the span decorated, or null when there was no such span.
     */
    public static Object decorateAgentSpan(Object callSpan, String notThisSpanId, SpanAttributes attributes,
                                           String eventName, Iterable<Map<String, String>> events) {
        return decorateAgentSpan(callSpan, notThisSpanId, attributes,
                Collections.<String, Iterable<Map<String, String>>>singletonMap(eventName, events));
    }

    /** As above, with events of several names: {@code eventsByName} maps each name to its events, in order. */
    public static Object decorateAgentSpan(Object callSpan, String notThisSpanId, SpanAttributes attributes,
                                           Map<String, ? extends Iterable<Map<String, String>>> eventsByName) {
        ForeignSpanApi api = agentApi();
        if (api == null) {
            return null;
        }
        try {
            Object span = callSpan != null ? callSpan : api.currentSpan();
            TraceParent ids = api.idsOf(span);
            if (ids == null || !api.isRecording(span) || callSpan == null && ids.spanId().equals(notThisSpanId)) {
                return null;
            }
            decorate(api, span, attributes, eventsByName);
            return span;
        } catch (Throwable t) {
            logFailureOnce(api, t);
            return null;
        }
    }

    static void decorate(ForeignSpanApi api, Object span, SpanAttributes attributes, String eventName,
                         Iterable<Map<String, String>> events) throws Throwable {
        decorate(api, span, attributes, Collections.singletonMap(eventName, events));
    }

    private static void decorate(ForeignSpanApi api, Object span, SpanAttributes attributes,
                                 Map<String, ? extends Iterable<Map<String, String>>> eventsByName) throws Throwable {
        for (int i = 0; i < attributes.size(); i++) {
            api.setAttribute(span, attributes.key(i), attributes.value(i));
        }
        for (Map.Entry<String, ? extends Iterable<Map<String, String>>> named : eventsByName.entrySet()) {
            for (Map<String, String> event : named.getValue()) {
                api.addEvent(span, named.getKey(), event);
            }
        }
    }

    private static ForeignSpanApi apiFor(Class<?> sdkType) {
        ForeignSpanApi agent = agentApi();
        if (agent != null) {
            return agent;
        }
        Object application = sdkType == null ? NONE : APPLICATION_API.get(sdkType);
        return application == NONE ? null : (ForeignSpanApi) application;
    }

    private static ForeignSpanApi agentApi() {
        Object api = agentApi;
        if (api == null) {
            ForeignSpanApi found = ForeignSpanApi.find(AGENT_PREFIX, null, "the OpenTelemetry Java agent's API");
            api = found == null ? NONE : found;
            agentApi = api;
        }
        return api == NONE ? null : (ForeignSpanApi) api;
    }

    private static void logFailureOnce(ForeignSpanApi api, Throwable t) {
        if (FAILURE_LOGGED.compareAndSet(false, true)) {
            AgentLog.error("credwatch could not use " + api.description() + " (" + t
                    + "); its spans are neither joined nor decorated, the application is not affected");
        }
    }
}
