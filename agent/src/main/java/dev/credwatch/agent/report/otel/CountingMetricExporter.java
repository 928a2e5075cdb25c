package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;

/** Counts failed metric exports; the periodic reader would otherwise only log them through java.util.logging. */
final class CountingMetricExporter implements MetricExporter {
    private final MetricExporter delegate;
    private final DropCounter drops;

    CountingMetricExporter(MetricExporter delegate, DropCounter drops) {
        this.delegate = delegate;
        this.drops = drops;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return delegate.getAggregationTemporality(instrumentType);
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        final CompletableResultCode result = delegate.export(metrics);
        result.whenComplete(() -> {
            if (!result.isSuccess()) {
                drops.metricExportFailed("a metric export failed (" + result.getFailureThrowable() + ")");
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
