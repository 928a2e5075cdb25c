package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.util.Collection;

/**
 * {@code OTEL_LOGS_EXPORTER=console}: one line per log record in credwatch's own log, for the reason
 * {@link ConsoleSpanExporter} gives (the SDK's logging exporter writes through java.util.logging, which may be
 * closed at exit before the last records are written).
 */
final class ConsoleLogRecordExporter implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        for (LogRecordData record : records) {
            boolean inTrace = record.getSpanContext().isValid();
            AgentLog.info("log record " + record.getEventName(), "severity", record.getSeverityText(),
                    "trace_id", inTrace ? record.getSpanContext().getTraceId() : null,
                    "span_id", inTrace ? record.getSpanContext().getSpanId() : null,
                    "body", record.getBodyValue() == null ? null : record.getBodyValue().asString(),
                    "attributes", record.getAttributes().toString());
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
