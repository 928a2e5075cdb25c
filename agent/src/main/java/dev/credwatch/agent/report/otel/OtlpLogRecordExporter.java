package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.util.Collection;

/** Log records over OTLP/HTTP ({@link OtlpHttp}), protobuf or JSON. */
final class OtlpLogRecordExporter implements LogRecordExporter {
    private final HttpExporter http;

    OtlpLogRecordExporter(OtelSettings.Signal signal) {
        http = OtlpHttp.exporter(signal, ExporterType.OTLP_HTTP_LOG_EXPORTER, ExporterType.OTLP_HTTP_JSON_LOG_EXPORTER);
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        return http.export(LogsRequestMarshaler.create(records), records.size());
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
