package dev.credwatch.agent.report.otel;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Collects ended spans and exports them in batches, on the export thread that ends them. Not the SDK's
 * BatchSpanProcessor: that one has a second queue and thread of its own and drops silently when its
 * queue is full; here the hand-off queue is the only bound, and every lost span is counted.
 */
final class SpanBatcher implements SpanProcessor {
    static final int MAX_BATCH = 512;
    private static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Beyond the exporter's own timeout, which ends a hanging request: time for its start-up. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SpanExporter exporter;
    private final Duration exportTimeout;
    private final DropCounter drops;
    private List<SpanData> batch = new ArrayList<SpanData>();
    private long firstPendingNanos;

    SpanBatcher(SpanExporter exporter, Duration exportTimeout, DropCounter drops) {
        this.exporter = exporter;
        this.exportTimeout = exportTimeout;
        this.drops = drops;
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
        if (!span.getSpanContext().isSampled()) {
            return;
        }
        if (batch.isEmpty()) {
            firstPendingNanos = System.nanoTime();
        }
        batch.add(span.toSpanData());
        if (batch.size() >= MAX_BATCH) {
            exportBatch(System.nanoTime() + exportTimeout.toNanos() + MARGIN_NANOS);
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Exports a partial batch once its oldest span waited long enough. */
    void exportIfDue() {
        if (!batch.isEmpty() && System.nanoTime() - firstPendingNanos >= MAX_DELAY_NANOS) {
            exportBatch(System.nanoTime() + exportTimeout.toNanos() + MARGIN_NANOS);
        }
    }

    /** Exports what is pending, waiting at most until {@code deadlineNanos}. */
    void exportBatch(long deadlineNanos) {
        if (batch.isEmpty()) {
            return;
        }
        List<SpanData> sending = batch;
        batch = new ArrayList<SpanData>();
        CompletableResultCode result = exporter.export(sending);
        long waitNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNanos - System.nanoTime());
        result.join(waitNanos, TimeUnit.NANOSECONDS);
        if (!result.isSuccess()) {
            drops.spansLost(sending.size(), result.isDone()
                    ? "an export of " + sending.size() + " spans failed (" + result.getFailureThrowable() + ")"
                    : "an export of " + sending.size() + " spans did not finish in time (the backend is slow)");
        }
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        exportBatch(System.nanoTime() + exportTimeout.toNanos() + MARGIN_NANOS);
        return CompletableResultCode.ofSuccess();
    }
}
