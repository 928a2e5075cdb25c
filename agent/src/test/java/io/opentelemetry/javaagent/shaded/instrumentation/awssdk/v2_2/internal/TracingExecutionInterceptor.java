package io.opentelemetry.javaagent.shaded.instrumentation.awssdk.v2_2.internal;

import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A stand-in, for the unit tests only, for the helper the OpenTelemetry Java agent injects into the SDK's
 * class loader: same name, and the one member credwatch reads, a private static key to the span's context.
 */
public final class TracingExecutionInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Object> CONTEXT_ATTRIBUTE =
            new ExecutionAttribute<>(TracingExecutionInterceptor.class.getName() + ".Context");

    public static ExecutionAttribute<Object> contextKey() {
        return CONTEXT_ATTRIBUTE;
    }
}
