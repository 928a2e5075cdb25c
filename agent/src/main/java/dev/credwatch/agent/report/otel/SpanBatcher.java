package dev.credwatch.agent.report.otel;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;

/**
 * The tracer provider's only span processor: hands each ended, sampled span to an {@link ExportBatcher}, which
 * exports them in batches on the export thread without waiting, and counts every lost span.
 */
final class SpanBatcher implements SpanProcessor {
    static final int MAX_BATCH = ExportBatcher.MAX_BATCH;
    static final int MAX_IN_FLIGHT = ExportBatcher.MAX_IN_FLIGHT;

    private final SpanExporter exporter;
    private final ExportBatcher<SpanData> batches;

    SpanBatcher(SpanExporter exporter, Duration exportTimeout, DropCounter drops) {
        this.exporter = exporter;
        this.batches = new ExportBatcher<SpanData>("spans", exporter::export, exportTimeout, drops::spansLost);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (span.getSpanContext().isSampled()) {
            batches.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Exports a partial batch once its oldest span waited long enough. */
    void exportIfDue() {
        batches.exportIfDue();
    }

    /** At exit: sends what is pending and waits for every unanswered batch until {@code deadlineNanos}. */
    void finish(long deadlineNanos) {
        batches.finish(deadlineNanos);
    }

    /** Batches sent and not yet answered. */
    int inFlight() {
        return batches.inFlight();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    /** Sends the pending spans; does not wait for the answer ({@link #finish} does). */
    @Override
    public CompletableResultCode forceFlush() {
        batches.send();
        return CompletableResultCode.ofSuccess();
    }
}
