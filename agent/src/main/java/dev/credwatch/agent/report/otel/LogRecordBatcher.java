package dev.credwatch.agent.report.otel;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.time.Duration;

/**
 * The logger provider's only processor, the log records' {@link SpanBatcher}: each emitted record goes to an
 * {@link ExportBatcher}, so records share the spans' rules (no thread or queue of their own, nothing waited for,
 * every loss counted) instead of the SDK's BatchLogRecordProcessor, which drops silently.
 */
final class LogRecordBatcher implements LogRecordProcessor {
    private final LogRecordExporter exporter;
    private final ExportBatcher<LogRecordData> batches;

    LogRecordBatcher(LogRecordExporter exporter, Duration exportTimeout, DropCounter drops) {
        this.exporter = exporter;
        this.batches = new ExportBatcher<LogRecordData>("log records", exporter::export, exportTimeout,
                drops::logRecordsLost);
    }

    @Override
    public void onEmit(Context context, ReadWriteLogRecord logRecord) {
        batches.add(logRecord.toLogRecordData());
    }

    /** Exports a partial batch once its oldest record waited long enough. */
    void exportIfDue() {
        batches.exportIfDue();
    }

    /** At exit: sends what is pending and waits for every unanswered batch until {@code deadlineNanos}. */
    void finish(long deadlineNanos) {
        batches.finish(deadlineNanos);
    }

    /** Sends the pending records; does not wait for the answer ({@link #finish} does). */
    @Override
    public CompletableResultCode forceFlush() {
        batches.send();
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }
}
