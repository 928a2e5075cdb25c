package dev.credwatch.agent.report.otel;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects ended spans and exports them in batches, on the export thread that ends them. Not the SDK's
 * BatchSpanProcessor: that one has a second queue and thread of its own and drops silently when its
 * queue is full; here the hand-off queue is the only bound, and every lost span is counted.
 *
 * <p>An export is not waited for: the exporter sends on its own threads, and the export thread goes back to
 * the hand-off queue at once, so a healthy backend keeps up with thousands of calls a second. Only when
 * {@link #MAX_IN_FLIGHT} batches are still unanswered does it wait, for the oldest: then the backend is
 * slow, the hand-off queue fills, and what it drops is counted there.
 */
final class SpanBatcher implements SpanProcessor {
    static final int MAX_BATCH = 512;
    static final int MAX_IN_FLIGHT = 4;
    private static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Beyond the exporter's own timeout, which ends a hanging request: time for its start-up. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SpanExporter exporter;
    private final Duration exportTimeout;
    private final DropCounter drops;
    private final Deque<InFlight> inFlight = new ArrayDeque<InFlight>();
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
            send();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Exports a partial batch once its oldest span waited long enough. */
    void exportIfDue() {
        if (!batch.isEmpty() && System.nanoTime() - firstPendingNanos >= MAX_DELAY_NANOS) {
            send();
        }
    }

    /** At exit: sends what is pending and waits for every unanswered batch until {@code deadlineNanos}. */
    void finish(long deadlineNanos) {
        send();
        while (!inFlight.isEmpty()) {
            settleOldest(deadlineNanos);
        }
    }

    /** Batches sent and not yet answered. */
    int inFlight() {
        forgetAnswered();
        return inFlight.size();
    }

    private void send() {
        if (batch.isEmpty()) {
            return;
        }
        forgetAnswered();
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            settleOldest(System.nanoTime() + exportTimeout.toNanos() + MARGIN_NANOS);
        }
        List<SpanData> sending = batch;
        batch = new ArrayList<SpanData>();
        final InFlight sent = new InFlight(exporter.export(sending), sending.size());
        inFlight.addLast(sent);
        sent.result.whenComplete(new Runnable() {
            @Override
            public void run() {
                if (!sent.result.isSuccess()) {
                    sent.lost("an export of " + sent.size + " spans failed (" + sent.result.getFailureThrowable() + ")");
                }
            }
        });
    }

    private void forgetAnswered() {
        while (!inFlight.isEmpty() && inFlight.peekFirst().result.isDone()) {
            inFlight.removeFirst();
        }
    }

    /** Waits for the oldest batch until the deadline; one still unanswered then is counted as lost. */
    private void settleOldest(long deadlineNanos) {
        InFlight oldest = inFlight.removeFirst();
        long waitNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadlineNanos - System.nanoTime());
        oldest.result.join(waitNanos, TimeUnit.NANOSECONDS);
        if (!oldest.result.isDone()) {
            oldest.lost("an export of " + oldest.size + " spans did not finish in time (the backend is slow)");
        }
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        send();
        return CompletableResultCode.ofSuccess();
    }

    /** A batch sent and not yet answered; counted as lost at most once, late failure or not. */
    private final class InFlight {
        final CompletableResultCode result;
        final int size;
        private final AtomicBoolean counted = new AtomicBoolean();

        InFlight(CompletableResultCode result, int size) {
            this.result = result;
            this.size = size;
        }

        void lost(String reason) {
            if (counted.compareAndSet(false, true)) {
                drops.spansLost(size, reason);
            }
        }
    }
}
