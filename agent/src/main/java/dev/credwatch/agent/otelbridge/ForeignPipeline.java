package dev.credwatch.agent.otelbridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The metrics and log records of a foreign OpenTelemetry (the Java agent's relocated API): its
 * {@code GlobalOpenTelemetry}'s meter and logger, so credwatch's data leaves with that agent's resource, through
 * its exporter. Every member is a method handle of the API's public interfaces, found once (the implementations
 * are the agent's own, not public classes); they run on security errors, fetches and warnings only, never on a
 * healthy call, so they are called through {@code invokeWithArguments} and stay readable.
 */
public final class ForeignPipeline {
    private final Object meter;
    private final Object logger;
    private final Object warn;
    private final Object rootContext;
    private final MethodHandle counterBuilder, histogramBuilder, gaugeBuilder;
    private final MethodHandle counterDescription, counterUnit, buildCounter, add;
    private final MethodHandle histogramDescription, histogramUnit, buildHistogram, record;
    private final MethodHandle gaugeDescription, gaugeUnit, ofLongs, buildLongGauge, recordMeasurement;
    private final MethodHandle logRecordBuilder, setTimestamp, setSeverity, setSeverityText, setBody, setEventName,
            setAllAttributes, setContext, emit, storeInContext;
    private final MethodHandle attributesBuilder, putString, putLong, buildAttributes;

    private ForeignPipeline(Types types, String scope, String version) throws Throwable {
        counterBuilder = types.handle("api.metrics.Meter", "counterBuilder", String.class);
        histogramBuilder = types.handle("api.metrics.Meter", "histogramBuilder", String.class);
        gaugeBuilder = types.handle("api.metrics.Meter", "gaugeBuilder", String.class);
        counterDescription = types.handle("api.metrics.LongCounterBuilder", "setDescription", String.class);
        counterUnit = types.handle("api.metrics.LongCounterBuilder", "setUnit", String.class);
        buildCounter = types.handle("api.metrics.LongCounterBuilder", "build");
        add = types.handle("api.metrics.LongCounter", "add", long.class, types.type("api.common.Attributes"));
        histogramDescription = types.handle("api.metrics.DoubleHistogramBuilder", "setDescription", String.class);
        histogramUnit = types.handle("api.metrics.DoubleHistogramBuilder", "setUnit", String.class);
        buildHistogram = types.handle("api.metrics.DoubleHistogramBuilder", "build");
        record = types.handle("api.metrics.DoubleHistogram", "record", double.class, types.type("api.common.Attributes"));
        gaugeDescription = types.handle("api.metrics.DoubleGaugeBuilder", "setDescription", String.class);
        gaugeUnit = types.handle("api.metrics.DoubleGaugeBuilder", "setUnit", String.class);
        ofLongs = types.handle("api.metrics.DoubleGaugeBuilder", "ofLongs");
        buildLongGauge = types.handle("api.metrics.LongGaugeBuilder", "buildWithCallback", Consumer.class);
        recordMeasurement = types.handle("api.metrics.ObservableLongMeasurement", "record", long.class,
                types.type("api.common.Attributes"));
        logRecordBuilder = types.handle("api.logs.Logger", "logRecordBuilder");
        Class<?> builder = types.type("api.logs.LogRecordBuilder");
        setTimestamp = types.handle(builder, "setTimestamp", java.time.Instant.class);
        setSeverity = types.handle(builder, "setSeverity", types.type("api.logs.Severity"));
        setSeverityText = types.handle(builder, "setSeverityText", String.class);
        setBody = types.handle(builder, "setBody", String.class);
        setEventName = types.handle(builder, "setEventName", String.class);
        setAllAttributes = types.handle(builder, "setAllAttributes", types.type("api.common.Attributes"));
        setContext = types.handle(builder, "setContext", types.type("context.Context"));
        emit = types.handle(builder, "emit");
        storeInContext = types.handle("context.ImplicitContextKeyed", "storeInContext", types.type("context.Context"));
        attributesBuilder = types.handle("api.common.Attributes", "builder");
        putString = types.handle("api.common.AttributesBuilder", "put", String.class, String.class);
        putLong = types.handle("api.common.AttributesBuilder", "put", String.class, long.class);
        buildAttributes = types.handle("api.common.AttributesBuilder", "build");
        warn = types.type("api.logs.Severity").getField("WARN").get(null);
        rootContext = types.handle("context.Context", "root").invoke();
        // Asked for at the first report, never at start-up: the agent sets its GlobalOpenTelemetry in its premain,
        // and an earlier get() would fix a no-op one for good.
        Object openTelemetry = types.handle("api.GlobalOpenTelemetry", "get").invoke();
        Object meterBuilder = types.handle("api.OpenTelemetry", "meterBuilder", String.class).invoke(openTelemetry, scope);
        meterBuilder = types.handle("api.metrics.MeterBuilder", "setInstrumentationVersion", String.class)
                .invoke(meterBuilder, version);
        meter = types.handle("api.metrics.MeterBuilder", "build").invoke(meterBuilder);
        Object logs = types.handle("api.OpenTelemetry", "getLogsBridge").invoke(openTelemetry);
        Object loggerBuilder = types.handle("api.logs.LoggerProvider", "loggerBuilder", String.class).invoke(logs, scope);
        loggerBuilder = types.handle("api.logs.LoggerBuilder", "setInstrumentationVersion", String.class)
                .invoke(loggerBuilder, version);
        logger = types.handle("api.logs.LoggerBuilder", "build").invoke(loggerBuilder);
    }

    /** The OpenTelemetry Java agent's pipeline; throws when its API is not the one credwatch knows. */
    public static ForeignPipeline ofAgent(String scope, String version) throws Throwable {
        return of(ForeignOtel.AGENT_PREFIX, null, scope, version);
    }

    /** The pipeline of the API under {@code prefix} seen from {@code loader} (null: the boot loader). */
    static ForeignPipeline of(String prefix, ClassLoader loader, String scope, String version) throws Throwable {
        return new ForeignPipeline(new Types(prefix, loader), scope, version);
    }

    public Object counter(String name, String description, String unit) throws Throwable {
        Object builder = counterUnit.invoke(counterDescription.invoke(counterBuilder.invoke(meter, name), description), unit);
        return buildCounter.invoke(builder);
    }

    public Object histogram(String name, String description, String unit) throws Throwable {
        Object builder = histogramUnit.invoke(histogramDescription.invoke(histogramBuilder.invoke(meter, name),
                description), unit);
        return buildHistogram.invoke(builder);
    }

    /** A long gauge: at each collection {@code observe} is handed a sink of (value, attributes) points. */
    public void longGauge(String name, String description, String unit, Consumer<BiConsumer<Long, Map<String, String>>> observe)
            throws Throwable {
        Object builder = ofLongs.invoke(gaugeUnit.invoke(gaugeDescription.invoke(gaugeBuilder.invoke(meter, name),
                description), unit));
        Consumer<Object> callback = measurement -> observe.accept((value, attributes) -> {
            try {
                recordMeasurement.invoke(measurement, value.longValue(), attributes(attributes));
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
        buildLongGauge.invoke(builder, callback);
    }

    public void add(Object counter, long value, Map<String, ?> attributes) throws Throwable {
        add.invoke(counter, value, attributes(attributes));
    }

    public void record(Object histogram, double value, Map<String, ?> attributes) throws Throwable {
        record.invoke(histogram, value, attributes(attributes));
    }

    /** A WARN log record at {@code time}; {@code span} (a span of this API, or null) gives its trace and span ids. */
    public void warn(String eventName, String body, Map<String, ?> attributes, Object span, java.time.Instant time)
            throws Throwable {
        Object builder = logRecordBuilder.invoke(logger);
        builder = setTimestamp.invoke(builder, time);
        builder = setSeverity.invoke(builder, warn);
        builder = setSeverityText.invoke(builder, "WARN");
        builder = setBody.invoke(builder, body);
        builder = setEventName.invoke(builder, eventName);
        builder = setAllAttributes.invoke(builder, attributes(attributes));
        if (span != null) {
            builder = setContext.invoke(builder, storeInContext.invoke(span, rootContext));
        }
        emit.invoke(builder);
    }

    private Object attributes(Map<String, ?> values) throws Throwable {
        Object builder = attributesBuilder.invoke();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Object value = entry.getValue();
            builder = value instanceof Long ? putLong.invoke(builder, entry.getKey(), ((Long) value).longValue())
                    : putString.invoke(builder, entry.getKey(), String.valueOf(value));
        }
        return buildAttributes.invoke(builder);
    }

    /** The API's classes under one package prefix, as one loader sees them. */
    private static final class Types {
        private final String prefix;
        private final ClassLoader loader;

        Types(String prefix, ClassLoader loader) {
            this.prefix = prefix;
            this.loader = loader;
        }

        Class<?> type(String name) throws ClassNotFoundException {
            return Class.forName(prefix + "." + name, false, loader);
        }

        MethodHandle handle(String type, String method, Class<?>... parameters) throws ReflectiveOperationException {
            return handle(type(type), method, parameters);
        }

        MethodHandle handle(Class<?> type, String method, Class<?>... parameters) throws ReflectiveOperationException {
            return MethodHandles.publicLookup().unreflect(type.getMethod(method, parameters));
        }
    }
}
