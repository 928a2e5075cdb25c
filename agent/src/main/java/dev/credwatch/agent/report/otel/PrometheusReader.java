package dev.credwatch.agent.report.otel;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

import java.util.List;

/**
 * {@code OTEL_METRICS_EXPORTER=prometheus}: a pull reader. Nothing is collected until Prometheus scrapes; each
 * scrape collects on the scraping thread (the SDK allows collection from any thread, and the TTL gauge's table is
 * synchronized) and answers in {@link PrometheusText}. Cumulative, as Prometheus counters are.
 */
final class PrometheusReader implements MetricReader {
    private volatile CollectionRegistration registration = CollectionRegistration.noop();
    private PrometheusEndpoint endpoint;

    private PrometheusReader() {
    }

    /**
     * The reader, its endpoint already listening at {@code settings}' host and port; null when it cannot listen,
     * with the reason added to {@code problems} (the rest of the export goes on).
     */
    static PrometheusReader serve(PrometheusSettings settings, List<String> problems) {
        PrometheusReader reader = new PrometheusReader();
        reader.endpoint = PrometheusEndpoint.start(settings, reader::scrape, problems);
        return reader.endpoint == null ? null : reader;
    }

    /** Where Prometheus scrapes, for the log: {@code http://0.0.0.0:9464/metrics}. */
    String address() {
        return endpoint.address();
    }

    String scrape() {
        return PrometheusText.render(registration.collectAllMetrics());
    }

    @Override
    public void register(CollectionRegistration collectionRegistration) {
        registration = collectionRegistration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    /** Nothing is pushed: a scrape reads the current values. */
    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        endpoint.stop();
        return CompletableResultCode.ofSuccess();
    }
}
