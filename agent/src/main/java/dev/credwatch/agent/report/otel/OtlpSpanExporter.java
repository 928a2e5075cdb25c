package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * Spans over OTLP/HTTP ({@link OtlpHttpExporter}), protobuf or JSON, written by the SDK's reusable marshalers
 * (its exporters' {@code REUSABLE_DATA} memory mode): a batch's spans are serialized without a marshaler object per
 * span, attribute and event. A marshaler is in use until its request is answered (the HTTP client may write
 * the body later, on its own thread), and up to {@link ExportBatcher#MAX_IN_FLIGHT} batches are in flight:
 * hence a small pool, which the answering threads give back to, under a lock.
 */
final class OtlpSpanExporter extends OtlpHttpExporter implements SpanExporter {
    private final Deque<LowAllocationTraceRequestMarshaler> idle = new ArrayDeque<LowAllocationTraceRequestMarshaler>();

    OtlpSpanExporter(OtelSettings.Signal signal) {
        super(signal, ExporterType.OTLP_HTTP_SPAN_EXPORTER, ExporterType.OTLP_HTTP_JSON_SPAN_EXPORTER);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        final LowAllocationTraceRequestMarshaler marshaler = take();
        marshaler.initialize(spans);
        CompletableResultCode result = send(marshaler, spans.size());
        result.whenComplete(new Runnable() {
            @Override
            public void run() {
                giveBack(marshaler);
            }
        });
        return result;
    }

    private synchronized LowAllocationTraceRequestMarshaler take() {
        LowAllocationTraceRequestMarshaler marshaler = idle.poll();
        return marshaler != null ? marshaler : new LowAllocationTraceRequestMarshaler();
    }

    private synchronized void giveBack(LowAllocationTraceRequestMarshaler marshaler) {
        marshaler.reset();
        idle.push(marshaler);
    }
}
