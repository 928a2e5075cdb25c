package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import dev.credwatch.agent.observation.TraceParent;
import dev.credwatch.agent.otelbridge.SpanAttributes;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One observed call as OpenTelemetry data: a CLIENT span with the call's own start and end (it is written
 * after the fact, off the application's thread), a {@code credwatch.warning} event and log record per
 * diagnosis, and the metrics {@code credwatch.security_errors} and {@code credwatch.credentials.ttl}.
 */
final class CallTelemetry {
    private final Tracer tracer;
    private final LongCounter securityErrors;
    private final TtlGauge ttl;
    private final DoubleHistogram fetchDuration;
    private final WarningLogRecords warnings;
    private final AccessKeyMask mask;
    private final MetricPoints.Recorder points = new OwnPoints();
    private final AttributeKeys keys = new AttributeKeys();

    CallTelemetry(Tracer tracer, Meter meter, Logger logger, AccessKeyMask mask) {
        this.tracer = tracer;
        this.mask = mask;
        this.warnings = new WarningLogRecords(logger, mask);
        this.securityErrors = meter.counterBuilder(MetricPoints.SECURITY_ERRORS)
                .setDescription(MetricPoints.SECURITY_ERRORS_DESCRIPTION)
                .setUnit(MetricPoints.SECURITY_ERRORS_UNIT)
                .build();
        this.ttl = TtlGauge.register(meter);
        this.fetchDuration = meter.histogramBuilder(MetricPoints.FETCH_DURATION)
                .setDescription(MetricPoints.FETCH_DURATION_DESCRIPTION)
                .setUnit("s")
                .build();
    }

    /** A credential fetch no call waited for: the histogram, and a log record per diagnosis, in no trace. */
    void record(CredentialFetch fetch, List<Diagnosis> diagnoses, Instant now) {
        MetricPoints.record(fetch, diagnoses, mask, points);
        warnings.emit(fetch, diagnoses, now, WarningLogRecords.epochNanos(now), Context.root());
    }

    void record(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        Span span = writeSpan(call, diagnoses, now);
        // Stamped like the span's warning events, at the call's end; in its context, so ids match the span's.
        warnings.emit(call, diagnoses, now, endNanos(call), Context.root().with(span));
        MetricPoints.record(call, diagnoses, mask, points);
    }

    private Span writeSpan(CallObservation call, List<Diagnosis> diagnoses, Instant now) {
        long startNanos = TimeUnit.MILLISECONDS.toNanos(call.startEpochMillis());
        SpanBuilder builder = tracer.spanBuilder(CallAttributes.spanName(call))
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS);
        TraceParent parent = call.traceParent();
        if (parent != null) {
            SpanContext parentContext = SpanContext.create(parent.traceId(), parent.spanId(),
                    parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
            builder.setParent(Context.root().with(Span.wrap(parentContext)));
        } else {
            builder.setNoParent();
        }
        setAll(builder, CallAttributes.standard(call));
        setAll(builder, CallAttributes.credwatch(call, diagnoses, now, mask));
        Span span = builder.startSpan();
        long endNanos = endNanos(call);
        for (Map.Entry<String, List<Map<String, String>>> named : CallAttributes.events(call, diagnoses).entrySet()) {
            for (Map<String, String> event : named.getValue()) {
                AttributesBuilder attributes = Attributes.builder();
                for (Map.Entry<String, String> entry : event.entrySet()) {
                    attributes.put(entry.getKey(), entry.getValue());
                }
                span.addEvent(named.getKey(), attributes.build(), endNanos, TimeUnit.NANOSECONDS);
            }
        }
        if (call.failed()) {
            span.setStatus(StatusCode.ERROR, CallAttributes.errorType(call));
        }
        span.end(endNanos, TimeUnit.NANOSECONDS);
        return span;
    }

    private static long endNanos(CallObservation call) {
        return TimeUnit.MILLISECONDS.toNanos(call.startEpochMillis()) + Math.max(0, call.durationNanos());
    }

    /**
     * Straight onto the span, by keys made once per name: built as {@link Attributes} first, each span cost a new
     * key per attribute and a sorted copy that the span then copied again.
     */
    private void setAll(SpanBuilder builder, SpanAttributes values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.value(i);
            if (value instanceof Long) {
                builder.setAttribute(keys.longKey(values.key(i)), (Long) value);
            } else {
                builder.setAttribute(keys.stringKey(values.key(i)), String.valueOf(value));
            }
        }
    }

    static Attributes toAttributes(Map<String, Object> values) {
        AttributesBuilder attributes = Attributes.builder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            put(attributes, entry.getKey(), entry.getValue());
        }
        return attributes.build();
    }

    private static void put(AttributesBuilder attributes, String key, Object value) {
        if (value instanceof Long) {
            attributes.put(key, (Long) value);
        } else {
            attributes.put(key, String.valueOf(value));
        }
    }

    private static Attributes strings(Map<String, String> values) {
        AttributesBuilder attributes = Attributes.builder();
        values.forEach(attributes::put);
        return attributes.build();
    }

    /** The points, onto credwatch's own instruments. */
    private final class OwnPoints implements MetricPoints.Recorder {
        @Override
        public void securityError(Map<String, String> attributes) {
            securityErrors.add(1, strings(attributes));
        }

        @Override
        public void fetchDuration(double seconds, Map<String, String> attributes) {
            fetchDuration.record(seconds, strings(attributes));
        }

        @Override
        public void expiry(String source, String maskedKey, Instant expiresAt) {
            ttl.track(source, maskedKey, expiresAt);
        }
    }
}
