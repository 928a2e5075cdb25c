package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.common.CompletableResultCode;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects finished items of one signal (spans, log records) and exports them in batches, on the export thread
 * that finishes them. Not the SDK's batch processors: those have a second queue and thread of their own and drop
 * silently when their queue is full; here the hand-off queue is the only bound, and every lost item is counted.
 *
 * <p>An export is not waited for: the exporter sends on its own threads, and the export thread goes back to
 * the hand-off queue at once, so a healthy backend keeps up with thousands of calls a second. Only when
 * {@link #MAX_IN_FLIGHT} batches are still unanswered does it wait, for the oldest: then the backend is
 * slow, the hand-off queue fills, and what it drops is counted there.
 */
final class ExportBatcher<T> {
    static final int MAX_BATCH = 512;
    static final int MAX_IN_FLIGHT = 4;
    private static final long MAX_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Beyond the exporter's own timeout, which ends a hanging request: time for its start-up. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The signal's exporter: sends a batch and answers later. */
    interface Exporter<T> {
        CompletableResultCode export(Collection<T> batch);
    }

    /** Where lost items are counted ({@link DropCounter}). */
    interface Losses {
        void lost(long count, String reason);
    }

    private final String items;
    private final Exporter<T> exporter;
    private final Duration exportTimeout;
    private final Losses losses;
    private final Deque<InFlight> inFlight = new ArrayDeque<InFlight>();
    private List<T> batch = new ArrayList<T>();
    private long firstPendingNanos;

    /** {@code items} names what is batched in the loss lines: "spans", "log records". */
    ExportBatcher(String items, Exporter<T> exporter, Duration exportTimeout, Losses losses) {
        this.items = items;
        this.exporter = exporter;
        this.exportTimeout = exportTimeout;
        this.losses = losses;
    }

    void add(T item) {
        if (batch.isEmpty()) {
            firstPendingNanos = System.nanoTime();
        }
        batch.add(item);
        if (batch.size() >= MAX_BATCH) {
            send();
        }
    }

    /** Exports a partial batch once its oldest item waited long enough. */
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

    /** Sends the pending items now, without waiting for the answer. */
    void send() {
        if (batch.isEmpty()) {
            return;
        }
        forgetAnswered();
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            settleOldest(System.nanoTime() + exportTimeout.toNanos() + MARGIN_NANOS);
        }
        List<T> sending = batch;
        batch = new ArrayList<T>();
        final InFlight sent = new InFlight(exporter.export(sending), sending.size());
        inFlight.addLast(sent);
        sent.result.whenComplete(new Runnable() {
            @Override
            public void run() {
                if (!sent.result.isSuccess()) {
                    sent.lost("an export of " + sent.size + " " + items + " failed (" + sent.result.getFailureThrowable() + ")");
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
            oldest.lost("an export of " + oldest.size + " " + items + " did not finish in time (the backend is slow)");
        }
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
                losses.lost(size, reason);
            }
        }
    }
}
