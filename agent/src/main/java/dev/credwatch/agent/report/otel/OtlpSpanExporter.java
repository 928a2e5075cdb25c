package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;

/** Spans over OTLP/HTTP ({@link OtlpHttp}), protobuf or JSON. */
final class OtlpSpanExporter implements SpanExporter {
    private final HttpExporter http;

    OtlpSpanExporter(OtelSettings.Signal signal) {
        http = OtlpHttp.exporter(signal, ExporterType.OTLP_HTTP_SPAN_EXPORTER, ExporterType.OTLP_HTTP_JSON_SPAN_EXPORTER);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return http.export(TraceRequestMarshaler.create(spans), spans.size());
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return http.shutdown();
    }
}
