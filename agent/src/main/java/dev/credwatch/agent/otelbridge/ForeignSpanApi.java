package dev.credwatch.agent.otelbridge;

import dev.credwatch.agent.observation.TraceParent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * An OpenTelemetry API that is not credwatch's own: the application's {@code io.opentelemetry.api}, or
 * the copy the OpenTelemetry Java agent relocated and put on the boot class path. credwatch's OpenTelemetry
 * is shaded into another package, so it cannot link against either: every member is a method handle found
 * once by name and adapted to {@code Object}. The same names exist under both package prefixes.
 */
final class ForeignSpanApi {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType PREDICATE = MethodType.methodType(boolean.class, Object.class);

    private final String description;
    private final MethodHandle currentSpan;
    private final MethodHandle spanFromContext;
    private final MethodHandle spanContext;
    private final MethodHandle isValid;
    private final MethodHandle isSampled;
    private final MethodHandle traceId;
    private final MethodHandle spanId;
    private final MethodHandle isRecording;
    private final MethodHandle setStringAttribute;
    private final MethodHandle setLongAttribute;
    private final MethodHandle addEvent;
    private final MethodHandle attributesBuilder;
    private final MethodHandle putString;
    private final MethodHandle buildAttributes;

    private ForeignSpanApi(String prefix, ClassLoader loader, String description) throws ReflectiveOperationException {
        this.description = description;
        Class<?> span = Class.forName(prefix + ".api.trace.Span", false, loader);
        Class<?> context = Class.forName(prefix + ".api.trace.SpanContext", false, loader);
        Class<?> contextType = Class.forName(prefix + ".context.Context", false, loader);
        Class<?> attributes = Class.forName(prefix + ".api.common.Attributes", false, loader);
        Class<?> builder = Class.forName(prefix + ".api.common.AttributesBuilder", false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        currentSpan = lookup.unreflect(span.getMethod("current")).asType(MethodType.methodType(Object.class));
        spanFromContext = lookup.unreflect(span.getMethod("fromContext", contextType)).asType(GETTER);
        spanContext = lookup.unreflect(span.getMethod("getSpanContext")).asType(GETTER);
        isValid = lookup.unreflect(context.getMethod("isValid")).asType(PREDICATE);
        isSampled = lookup.unreflect(context.getMethod("isSampled")).asType(PREDICATE);
        traceId = lookup.unreflect(context.getMethod("getTraceId")).asType(GETTER);
        spanId = lookup.unreflect(context.getMethod("getSpanId")).asType(GETTER);
        isRecording = lookup.unreflect(span.getMethod("isRecording")).asType(PREDICATE);
        setStringAttribute = lookup.unreflect(span.getMethod("setAttribute", String.class, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class, String.class));
        setLongAttribute = lookup.unreflect(span.getMethod("setAttribute", String.class, long.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class, long.class));
        addEvent = lookup.unreflect(span.getMethod("addEvent", String.class, attributes))
                .asType(MethodType.methodType(Object.class, Object.class, String.class, Object.class));
        attributesBuilder = lookup.unreflect(attributes.getMethod("builder")).asType(MethodType.methodType(Object.class));
        Method put = builder.getMethod("put", String.class, String.class);
        putString = lookup.unreflect(put)
                .asType(MethodType.methodType(Object.class, Object.class, String.class, String.class));
        buildAttributes = lookup.unreflect(builder.getMethod("build")).asType(GETTER);
    }

    /** The API under {@code prefix} as seen from {@code loader} (null: the boot loader), or null if absent. */
    static ForeignSpanApi find(String prefix, ClassLoader loader, String description) {
        try {
            return new ForeignSpanApi(prefix, loader, description);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    String description() {
        return description;
    }

    /** The current span, never null (the API returns an invalid span when there is none). */
    Object currentSpan() throws Throwable {
        return (Object) currentSpan.invokeExact();
    }

    /**
     * The span kept in {@code context} (an invalid span when it holds none). Throws
     * {@link ClassCastException} when {@code context} is not a context of this API.
     */
    Object spanOf(Object context) throws Throwable {
        return (Object) spanFromContext.invokeExact(context);
    }

    /** The span's ids, or null when it is not a valid span. */
    TraceParent idsOf(Object span) throws Throwable {
        Object context = (Object) spanContext.invokeExact(span);
        if (context == null || !(boolean) isValid.invokeExact(context)) {
            return null;
        }
        return new TraceParent((String) (Object) traceId.invokeExact(context),
                (String) (Object) spanId.invokeExact(context), (boolean) isSampled.invokeExact(context));
    }

    boolean isRecording(Object span) throws Throwable {
        return (boolean) isRecording.invokeExact(span);
    }

    void setAttribute(Object span, String key, Object value) throws Throwable {
        if (value instanceof Long || value instanceof Integer) {
            Object ignored = (Object) setLongAttribute.invokeExact(span, key, ((Number) value).longValue());
        } else if (value != null) {
            Object ignored = (Object) setStringAttribute.invokeExact(span, key, value.toString());
        }
    }

    void addEvent(Object span, String name, Map<String, String> attributes) throws Throwable {
        Object builder = (Object) attributesBuilder.invokeExact();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            builder = (Object) putString.invokeExact(builder, attribute.getKey(), attribute.getValue());
        }
        Object built = (Object) buildAttributes.invokeExact(builder);
        Object ignored = (Object) addEvent.invokeExact(span, name, built);
    }
}
