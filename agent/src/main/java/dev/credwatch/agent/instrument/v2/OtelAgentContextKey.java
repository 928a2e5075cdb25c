package dev.credwatch.agent.instrument.v2;

import dev.credwatch.agent.otelbridge.ForeignOtel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Where the OpenTelemetry Java agent's AWS SDK v2 instrumentation keeps its span of a call. Its execution
 * interceptor (a helper the agent injects into the SDK's class loader, under its relocated package) starts
 * the span in {@code modifyRequest}, stores the span's context in the call's {@code ExecutionAttributes}
 * under a static key of its own, makes it current only for synchronous clients, and ends it in its own
 * {@code afterExecution} or {@code onExecutionFailure}. An asynchronous call ends on a thread where that
 * span is not current: the key is the one way to it. Read once per SDK class loader; a later agent
 * version that moves the key only means its v2 spans are not decorated.
 */
final class OtelAgentContextKey {
    // Joined at run time, like ForeignOtel's prefixes: the shade plugin would rewrite a constant.
    private static final String INSTRUMENTATION = String.join(".", ForeignOtel.APPLICATION_PREFIX, "javaagent",
            "shaded", "instrumentation", "awssdk", "v2_2");
    /** The library interceptor's class in agent 2.x (internal package), then in older 1.x agents. */
    static final String[] INTERCEPTORS = {
        INSTRUMENTATION + ".internal.TracingExecutionInterceptor",
        INSTRUMENTATION + ".TracingExecutionInterceptor",
    };
    static final String CONTEXT_KEY_FIELD = "CONTEXT_ATTRIBUTE";

    private OtelAgentContextKey() {
    }

    /**
     * The agent's {@code ExecutionAttribute} for its span context, as seen from the SDK's class loader, or
     * null when the agent's v2 instrumentation is not there. Only called once the agent is known to run.
     */
    static Object contextKey(ClassLoader sdkLoader) {
        for (String name : INTERCEPTORS) {
            try {
                Class<?> interceptor = Class.forName(name, false, sdkLoader);
                Field key = interceptor.getDeclaredField(CONTEXT_KEY_FIELD);
                if (Modifier.isStatic(key.getModifiers())) {
                    key.setAccessible(true);
                    return key.get(null);
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // not this name: try the next one
            }
        }
        return null;
    }
}
