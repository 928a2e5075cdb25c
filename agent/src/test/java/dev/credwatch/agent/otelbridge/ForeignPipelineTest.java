package dev.credwatch.agent.otelbridge;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline through an unshaded API on the test class path, standing for the Java agent's relocated one: what
 * it records lands in that OpenTelemetry's own SDK, under credwatch's scope and version.
 */
class ForeignPipelineTest {
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    // With a processor: without one the SDK hands out invalid spans, whose ids would match anything's.
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build();

    @BeforeEach
    void installTheForeignSdk() {
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(OpenTelemetrySdk.builder().setTracerProvider(tracers)
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
                .build());
    }

    @AfterEach
    void reset() {
        GlobalOpenTelemetry.resetForTest();
    }

    private static ForeignPipeline pipeline() throws Throwable {
        return ForeignPipeline.of(ForeignOtel.APPLICATION_PREFIX, ForeignPipelineTest.class.getClassLoader(),
                "dev.credwatch.agent", "9.9.9");
    }

    @Test
    void countersHistogramsAndGaugesLandInTheForeignSdkWithTheirAttributes() throws Throwable {
        ForeignPipeline pipeline = pipeline();
        Object counter = pipeline.counter("credwatch.security_errors", "diagnosed calls", "{diagnosis}");
        Object histogram = pipeline.histogram("credwatch.credentials.fetch.duration", "fetches", "s");
        pipeline.longGauge("credwatch.credentials.ttl", "seconds left", "s",
                points -> points.accept(42L, java.util.Collections.singletonMap("credwatch.credentials.source", "sts")));

        pipeline.add(counter, 1, attributes("credwatch.diagnosis", "expired_credentials"));
        pipeline.add(counter, 1, attributes("credwatch.diagnosis", "expired_credentials"));
        pipeline.record(histogram, 0.25, attributes("outcome", "ok"));

        Map<String, MetricData> metrics = new LinkedHashMap<>();
        Collection<MetricData> collected = reader.collectAllMetrics();
        collected.forEach(metric -> metrics.put(metric.getName(), metric));
        MetricData errors = metrics.get("credwatch.security_errors");
        assertThat(errors.getInstrumentationScopeInfo().getName()).isEqualTo("dev.credwatch.agent");
        assertThat(errors.getInstrumentationScopeInfo().getVersion()).isEqualTo("9.9.9");
        assertThat(errors.getUnit()).isEqualTo("{diagnosis}");
        assertThat(errors.getLongSumData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getValue()).isEqualTo(2);
            assertThat(point.getAttributes()).isEqualTo(Attributes.of(AttributeKey.stringKey("credwatch.diagnosis"),
                    "expired_credentials"));
        });
        assertThat(metrics.get("credwatch.credentials.fetch.duration").getHistogramData().getPoints())
                .singleElement().satisfies(point -> assertThat(point.getSum()).isEqualTo(0.25));
        assertThat(metrics.get("credwatch.credentials.ttl").getLongGaugeData().getPoints())
                .singleElement().satisfies(point -> assertThat(point.getValue()).isEqualTo(42));
    }

    @Test
    void aWarningIsAWarnLogRecordInTheTraceOfTheSpanItIsAbout() throws Throwable {
        Span span = tracers.get("agent").spanBuilder("SQS.ListQueues").startSpan();
        Map<String, Object> attributes = attributes("credwatch.diagnosis", "expired_credentials");
        attributes.put("credwatch.ttl_s", -720L);

        java.time.Instant at = java.time.Instant.parse("2026-12-01T12:00:00Z");
        pipeline().warn("credwatch.warning", "renew them", attributes, span, at);
        pipeline().warn("credwatch.warning", "a refresh failed", attributes("credwatch.diagnosis", "x"), null, at);
        span.end();

        List<LogRecordData> records = logs.getFinishedLogRecordItems();
        assertThat(records).hasSize(2);
        LogRecordData record = records.get(0);
        assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(record.getTimestampEpochNanos()).isEqualTo(at.getEpochSecond() * 1_000_000_000L);
        assertThat(record.getSeverityText()).isEqualTo("WARN");
        assertThat(record.getBodyValue().asString()).isEqualTo("renew them");
        assertThat(record.getEventName()).isEqualTo("credwatch.warning");
        assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("dev.credwatch.agent");
        assertThat(record.getAttributes().get(AttributeKey.stringKey("credwatch.diagnosis"))).isEqualTo("expired_credentials");
        assertThat(record.getAttributes().get(AttributeKey.longKey("credwatch.ttl_s"))).isEqualTo(-720L);
        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(records.get(1).getSpanContext().isValid()).isFalse();
    }

    @Test
    void anApiThatIsNotThereIsAClearFailure() {
        assertThatThrownBy(() -> ForeignPipeline.of("no.such.otel", null, "s", "v"))
                .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("api/metrics/Meter");
    }

    private static Map<String, Object> attributes(String key, Object value) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(key, value);
        return attributes;
    }
}
