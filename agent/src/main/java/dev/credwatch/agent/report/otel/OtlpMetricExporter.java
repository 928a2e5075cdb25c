package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;

/** Metrics over OTLP/HTTP ({@link OtlpHttpExporter}), protobuf or JSON; cumulative, the OTLP exporters' default. */
final class OtlpMetricExporter extends OtlpHttpExporter implements MetricExporter {
    OtlpMetricExporter(OtelSettings.Signal signal) {
        super(signal, ExporterType.OTLP_HTTP_METRIC_EXPORTER,
                ExporterType.OTLP_HTTP_JSON_METRIC_EXPORTER);
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        return send(MetricsRequestMarshaler.create(metrics), metrics.size());
    }
}
