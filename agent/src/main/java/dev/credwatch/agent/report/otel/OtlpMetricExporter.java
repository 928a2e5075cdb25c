package dev.credwatch.agent.report.otel;

import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;

/** Metrics over OTLP/HTTP ({@link OtlpHttp}), protobuf or JSON; cumulative, the OTLP exporters' default. */
final class OtlpMetricExporter implements MetricExporter {
    private final HttpExporter http;

    OtlpMetricExporter(OtelSettings.Signal signal) {
        http = OtlpHttp.exporter(signal, ExporterType.OTLP_HTTP_METRIC_EXPORTER,
                ExporterType.OTLP_HTTP_JSON_METRIC_EXPORTER);
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        return http.export(MetricsRequestMarshaler.create(metrics), metrics.size());
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return http.shutdown();
    }
}
