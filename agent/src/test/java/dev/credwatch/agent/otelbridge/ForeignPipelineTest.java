package dev.credwatch.agent.otelbridge;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline through an unshaded API on the test class path, standing for the Java agent's relocated one: what
 * it records lands in that OpenTelemetry's own SDK, under credwatch's scope and version.
 */
class ForeignPipelineTest {
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();

    @BeforeEach
    void installTheForeignSdk() {
        GlobalOpenTelemetry.resetForTest();
        SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
        // Not OpenTelemetrySdk: that one needs the logs SDK, which the agent's test class path lacks.
        GlobalOpenTelemetry.set(new OpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return TracerProvider.noop();
            }

            @Override
            public MeterProvider getMeterProvider() {
                return meters;
            }

            @Override
            public ContextPropagators getPropagators() {
                return ContextPropagators.noop();
            }
        });
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
    void aWarningRecordGoesToTheForeignLogsBridgeWithoutFailing() throws Throwable {
        // This SDK has no logger provider: its bridge is a no-op, which must simply accept the record.
        pipeline().warn("credwatch.warning", "renew them", attributes("credwatch.ttl_s", -720L), null);
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
