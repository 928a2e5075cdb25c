package dev.credwatch.agent.otelbridge;

import dev.credwatch.agent.observation.TraceParent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final MethodHandle setAttribute;
    private final MethodHandle stringKey;
    private final MethodHandle longKey;
    /**
     * The API's attribute keys by name, made once: {@code setAttribute(String, …)} makes a new key object on every
     * call. credwatch's attribute names are a fixed set (DESIGN.md "Spans"), so the maps stay small.
     */
    private final Map<String, Object> stringKeys = new ConcurrentHashMap<String, Object>();
    private final Map<String, Object> longKeys = new ConcurrentHashMap<String, Object>();
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
        Class<?> attributeKey = Class.forName(prefix + ".api.common.AttributeKey", false, loader);
        setAttribute = lookup.unreflect(span.getMethod("setAttribute", attributeKey, Object.class))
                .asType(MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
        MethodType keyOfName = MethodType.methodType(Object.class, String.class);
        stringKey = lookup.unreflect(attributeKey.getMethod("stringKey", String.class)).asType(keyOfName);
        longKey = lookup.unreflect(attributeKey.getMethod("longKey", String.class)).asType(keyOfName);
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
            Long number = value instanceof Long ? (Long) value : Long.valueOf(((Integer) value).longValue());
            Object ignored = (Object) setAttribute.invokeExact(span, key(longKeys, longKey, key), (Object) number);
        } else if (value != null) {
            Object ignored = (Object) setAttribute.invokeExact(span, key(stringKeys, stringKey, key),
                    (Object) value.toString());
        }
    }

    private static Object key(Map<String, Object> keys, MethodHandle make, String name) throws Throwable {
        Object key = keys.get(name);
        if (key == null) {
            key = (Object) make.invokeExact(name);
            keys.put(name, key);
        }
        return key;
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
