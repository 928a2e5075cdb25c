package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/** Spans over OTLP/HTTP ({@link OtlpHttpExporter}), protobuf or JSON. */
final class OtlpSpanExporter extends OtlpHttpExporter implements SpanExporter {
    OtlpSpanExporter(OtelSettings.Signal signal) {
        super(signal, ExporterType.OTLP_HTTP_SPAN_EXPORTER, ExporterType.OTLP_HTTP_JSON_SPAN_EXPORTER);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return send(TraceRequestMarshaler.create(spans), spans.size());
    }
}
