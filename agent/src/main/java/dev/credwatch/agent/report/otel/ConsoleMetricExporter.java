package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;

/** {@code OTEL_METRICS_EXPORTER=console}: one line per metric point in credwatch's own log. */
final class ConsoleMetricExporter implements MetricExporter {
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        for (MetricData metric : metrics) {
            for (PointData point : metric.getData().getPoints()) {
                Object value = point instanceof LongPointData ? Long.valueOf(((LongPointData) point).getValue()) : point;
                AgentLog.info("metric " + metric.getName(), "value", value, "unit", metric.getUnit(),
                        "attributes", point.getAttributes().toString());
            }
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
