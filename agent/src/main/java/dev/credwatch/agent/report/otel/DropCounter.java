package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.log.AgentLog;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts telemetry credwatch could not deliver (the hand-off queue was full, an export failed or timed
 * out). The first loss is logged at once, with its reason; the total is logged once more at exit. A
 * backend that is down must cost the operator two lines, not one per batch.
 */
final class DropCounter {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong logRecords = new AtomicLong();
    private final AtomicLong metricExports = new AtomicLong();
    private final AtomicBoolean firstLogged = new AtomicBoolean();

    void callsDropped(long count, String reason) {
        calls.addAndGet(count);
        logFirst(reason);
    }

    void spansLost(long count, String reason) {
        spans.addAndGet(count);
        logFirst(reason);
    }

    void logRecordsLost(long count, String reason) {
        logRecords.addAndGet(count);
        logFirst(reason);
    }

    void metricExportFailed(String reason) {
        metricExports.incrementAndGet();
        logFirst(reason);
    }

    long total() {
        return calls.get() + spans.get() + logRecords.get() + metricExports.get();
    }

    /** The summary at exit, when anything was lost. */
    void logSummary() {
        if (total() > 0) {
            AgentLog.warn("credwatch could not deliver all its OpenTelemetry data", "dropped_calls", calls.get(),
                    "lost_spans", spans.get(), "lost_log_records", logRecords.get(),
                    "failed_metric_exports", metricExports.get());
        }
    }

    private void logFirst(String reason) {
        if (firstLogged.compareAndSet(false, true)) {
            AgentLog.warn("credwatch is dropping OpenTelemetry data: " + reason
                    + "; the application is not affected, the total is logged at exit");
        }
    }
}
