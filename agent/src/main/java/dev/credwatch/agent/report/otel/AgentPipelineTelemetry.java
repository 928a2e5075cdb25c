package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.otelbridge.ForeignPipeline;
import dev.credwatch.agent.report.WarningRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Beside the OpenTelemetry Java agent: credwatch's metrics and warning log records go out through that agent's
 * own OpenTelemetry (its resource, its exporters, its {@code OTEL_METRICS_EXPORTER} and {@code OTEL_LOGS_EXPORTER}),
 * as its spans already carry credwatch's attributes. Runs on the application's thread, only for what a healthy
 * call does not have: security errors, fetches, warnings, and a known expiry. One failure turns it off, with one line.
 */
final class AgentPipelineTelemetry {
    private final ForeignPipeline pipeline;
    private final AccessKeyMask mask;
    private final Object securityErrors;
    private final Object fetchDuration;
    private final TtlTable ttl = new TtlTable();
    private final MetricPoints.Recorder points = new AgentPoints();
    private volatile boolean failed;

    private AgentPipelineTelemetry(ForeignPipeline pipeline, AccessKeyMask mask) throws Throwable {
        this.pipeline = pipeline;
        this.mask = mask;
        securityErrors = pipeline.counter(MetricPoints.SECURITY_ERRORS, MetricPoints.SECURITY_ERRORS_DESCRIPTION,
                MetricPoints.SECURITY_ERRORS_UNIT);
        fetchDuration = pipeline.histogram(MetricPoints.FETCH_DURATION, MetricPoints.FETCH_DURATION_DESCRIPTION, "s");
        pipeline.longGauge(MetricPoints.TTL, MetricPoints.TTL_DESCRIPTION, "s", points -> {
            for (Map.Entry<Map<String, String>, Long> point : ttl.secondsLeft(Instant.now().getEpochSecond())) {
                points.accept(point.getValue(), point.getKey());
            }
        });
    }

    /** The agent's pipeline, or null (said once) when its API is not one credwatch can use. */
    static AgentPipelineTelemetry create(AccessKeyMask mask, String version) {
        try {
            return new AgentPipelineTelemetry(ForeignPipeline.ofAgent(OtelExport.SCOPE, version), mask);
        } catch (Throwable t) {
            AgentLog.error("credwatch could not use the OpenTelemetry Java agent's metrics and logs (" + t
                    + "); its spans still carry credwatch's findings, the application is not affected");
            return null;
        }
    }

    /** {@code agentSpan}: the agent's span of the call that credwatch decorated, or null. */
    void record(Observation observed, List<Diagnosis> diagnoses, Instant now, Object agentSpan) {
        if (failed) {
            return;
        }
        try {
            for (Diagnosis diagnosis : diagnoses) {
                WarningRecord record = WarningRecord.of(observed, diagnosis, now, mask);
                pipeline.warn(WarningRecord.EVENT_NAME, record.body(), record.attributes(), agentSpan, now);
            }
            MetricPoints.record(observed, diagnoses, mask, points);
        } catch (Throwable t) {
            failed = true;
            Throwable cause = t instanceof ForeignCallFailed ? t.getCause() : t;
            AgentLog.error("credwatch stopped sending metrics and logs through the OpenTelemetry Java agent (" + cause
                    + "); its spans still carry credwatch's findings, the application is not affected");
        }
    }

    /** The points, onto the agent's instruments; a failing call into its API surfaces as {@link ForeignCallFailed}. */
    private final class AgentPoints implements MetricPoints.Recorder {
        @Override
        public void securityError(Map<String, String> attributes) {
            try {
                pipeline.add(securityErrors, 1, attributes);
            } catch (Throwable t) {
                throw new ForeignCallFailed(t);
            }
        }

        @Override
        public void fetchDuration(double seconds, Map<String, String> attributes) {
            try {
                pipeline.record(fetchDuration, seconds, attributes);
            } catch (Throwable t) {
                throw new ForeignCallFailed(t);
            }
        }

        @Override
        public void expiry(String source, String maskedKey, Instant expiresAt) {
            ttl.track(source, maskedKey, expiresAt);
        }
    }

    private static final class ForeignCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForeignCallFailed(Throwable cause) {
            super(cause);
        }
    }
}
