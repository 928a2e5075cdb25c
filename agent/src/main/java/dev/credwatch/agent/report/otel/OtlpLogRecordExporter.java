package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.util.Collection;

/** Log records over OTLP/HTTP ({@link OtlpHttpExporter}), protobuf or JSON. */
final class OtlpLogRecordExporter extends OtlpHttpExporter implements LogRecordExporter {
    OtlpLogRecordExporter(OtelSettings.Signal signal) {
        super(signal, ExporterType.OTLP_HTTP_LOG_EXPORTER, ExporterType.OTLP_HTTP_JSON_LOG_EXPORTER);
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        return send(LogsRequestMarshaler.create(records), records.size());
    }
}
