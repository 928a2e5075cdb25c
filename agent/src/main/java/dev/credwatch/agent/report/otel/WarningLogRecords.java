package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.report.WarningRecord;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Each diagnosis as an OpenTelemetry log record, {@code credwatch.warning}: what {@link WarningRecord} makes of
 * it (the hint as body, the log line's keys as {@code credwatch.*} attributes), severity WARN, in the context of
 * credwatch's span for the call, so that a backend shows the record beside its trace.
 */
final class WarningLogRecords {
    private final Logger logger;
    private final AccessKeyMask mask;

    WarningLogRecords(Logger logger, AccessKeyMask mask) {
        this.logger = logger;
        this.mask = mask;
    }

    /**
     * One record per diagnosis, stamped {@code epochNanos}; {@code spanContext} holds the span they belong to, or
     * is {@link Context#root()} for what no span stands for (a credential refresh no call waited for): explicit,
     * so that nothing current on the export thread is picked up.
     */
    void emit(Observation observed, List<Diagnosis> diagnoses, Instant now, long epochNanos, Context spanContext) {
        for (Diagnosis diagnosis : diagnoses) {
            WarningRecord warning = WarningRecord.of(observed, diagnosis, now, mask);
            logger.logRecordBuilder()
                    .setEventName(WarningRecord.EVENT_NAME)
                    .setSeverity(Severity.WARN)
                    .setSeverityText("WARN")
                    .setBody(warning.body())
                    .setAllAttributes(CallTelemetry.toAttributes(warning.attributes()))
                    .setTimestamp(epochNanos, TimeUnit.NANOSECONDS)
                    .setContext(spanContext)
                    .emit();
        }
    }

    static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
